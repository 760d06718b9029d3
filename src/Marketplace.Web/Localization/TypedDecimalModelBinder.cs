using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// Binds a decimal typed as "1,5" or "1.5" whatever the page's language (a number field sends "1.5", people type "1,5"),
/// by the rules of <see cref="EuroAmount"/>. An empty field binds to null for [Required] to report; anything else
/// gets the subclass's message at the field.
/// </summary>
public abstract class TypedDecimalModelBinder : IModelBinder
{
    protected abstract string ErrorKey { get; }

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (EuroAmount.TryParse(text, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            var l = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l[ErrorKey]);
        }

        return Task.CompletedTask;
    }
}
