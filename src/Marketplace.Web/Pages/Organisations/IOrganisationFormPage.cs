namespace Marketplace.Web.Pages.Organisations;

/// <summary>What the shared form fields (_OrganisationFields) need from the New and Edit pages.</summary>
public interface IOrganisationFormPage
{
    OrganisationInput Input { get; }
    OrganisationFormOptions Options { get; }
}
