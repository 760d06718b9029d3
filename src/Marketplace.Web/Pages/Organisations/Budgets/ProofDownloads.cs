using Marketplace.Web.Budgets;

namespace Marketplace.Web.Pages.Organisations.Budgets;

/// <summary>Who may download a project's proof of use: the same rule as its page (BudgetAccess.MayManage); anyone else gets a 404.</summary>
internal static class ProofDownloads
{
    public static async Task<ProofOfUse?> LoadAsync(BudgetAccess access, ProofsOfUse proofs, int id, int budgetId, bool own) =>
        (await access.ForOrganisationAsync(id)).MayManage ? await proofs.ForAsync(id, budgetId, own) : null;

    public static string FileName(ProofOfUse proof, string extension) => $"verwendungsnachweis-{proof.BudgetId}{extension}";
}
