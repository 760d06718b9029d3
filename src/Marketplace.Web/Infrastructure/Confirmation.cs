using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Marketplace.Web.Infrastructure;

/// <summary>
/// The second step of a destructive action (closing a listing, removing a district, deciding on an organisation): the
/// handler's first post changes nothing and answers with this question, stating what will happen; its form posts to the
/// same handler again with <see cref="Field"/>=true. Without JavaScript the page shows the question instead of its
/// content (<c>_Confirmation.cshtml</c>); with htmx the question replaces the fragment the form targeted
/// (<see cref="FragmentId"/>), and its form posts back into the same place.
/// </summary>
/// <param name="Page">The page, handler and route values the confirmed post goes to: those of the first post.</param>
public sealed record Confirmation(string Question, IReadOnlyList<string> Consequences, string ConfirmLabel, string Page, string Handler,
    Dictionary<string, string> RouteValues, string CancelUrl)
{
    /// <summary>The form field that says the person has seen the question and confirmed.</summary>
    public const string Field = "confirmed";

    private const string ViewDataKey = nameof(Confirmation);

    /// <summary>The values the first post carried that the action needs again (a reason, a return address).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>The id of the element htmx swaps (outerHTML); null for forms without htmx.</summary>
    public string? FragmentId { get; init; }

    /// <summary>The question a page shows instead of its content, when its handler asked one.</summary>
    public static Confirmation? In(ViewDataDictionary viewData) => viewData[ViewDataKey] as Confirmation;

    internal void Store(ViewDataDictionary viewData) => viewData[ViewDataKey] = this;
}

public static class ConfirmationResults
{
    /// <summary>
    /// Answers the first post of a destructive action with its question (200, nothing changed): the question fragment for
    /// htmx, otherwise the page, which shows <see cref="Confirmation.In"/> instead of its content. The caller has loaded
    /// what the page needs to render.
    /// </summary>
    public static IActionResult AskToConfirm(this PageModel page, Confirmation confirmation)
    {
        page.ModelState.Clear();
        confirmation.Store(page.ViewData);
        if (page.Request.WantsFragment() && confirmation.FragmentId is not null)
        {
            return new PartialViewResult { ViewName = "_Confirmation", ViewData = new ViewDataDictionary<Confirmation>(page.ViewData, confirmation) };
        }

        return page.Page();
    }
}
