using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// A localizer for text that cannot carry HTML (mail subjects and paragraphs, which the HTML part turns into
/// <c>&lt;bdi&gt;</c> through <see cref="Bidi.Html"/>): every string argument comes back between FSI and PDI (<see cref="Bidi.Text"/>).
/// </summary>
public sealed class IsolatingLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public LocalizedString this[string name] => inner[name];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = inner[name];
            return new LocalizedString(name, Bidi.Text(template, arguments), template.ResourceNotFound, template.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
