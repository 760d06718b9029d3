using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Localization;

/// <summary>The framework's model binding messages ("The value '' is invalid.") in the reader's language.</summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => l["Validation_Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["Validation_Required"]);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => l["Validation_Invalid"]);
        messages.SetValueIsInvalidAccessor(_ => l["Validation_Invalid"]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["Validation_Invalid"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Validation_Invalid"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation_Invalid"]);
        messages.SetValueMustBeANumberAccessor(_ => l["Validation_Invalid"]);
    }
}
