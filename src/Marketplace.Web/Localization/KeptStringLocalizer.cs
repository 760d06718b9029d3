using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// The localizer every page, model and mail asks (<c>IStringLocalizer&lt;T&gt;</c>), keeping each text per language
/// once found: the framework's localizer asks the resource manager again on every use, through the culture's parents,
/// and a page asks for thirty texts or more. The compiled resources do not change while the process runs. A name
/// without a text is not kept (it may come from a caller's data), and is answered as the framework answers it.
/// </summary>
public sealed class KeptStringLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(T));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _kept = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_kept.TryGetValue(key, out var kept))
            {
                return kept;
            }

            var found = _inner[name];
            if (!found.ResourceNotFound)
            {
                _kept.TryAdd(key, found);
            }

            return found;
        }
    }

    // As the framework's localizer formats: with the current culture, the name itself when there is no text.
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound,
                template.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}
