using Marketplace.Web.Localization;
using Marketplace.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Hours;

/// <summary>
/// Binds hours typed as "1,5" or "1.5" whatever the page's language (a number field sends "1.5", people type "1,5");
/// the decimal rules are those of <see cref="EuroAmount"/>. An empty field binds to null for [Required] to report.
/// </summary>
public sealed class HoursAmountModelBinder : IModelBinder
{
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
        else if (EuroAmount.TryParse(text, out var hours))
        {
            bindingContext.Result = ModelBindingResult.Success(hours);
        }
        else
        {
            var l = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l["Hours_HoursRange"]);
        }

        return Task.CompletedTask;
    }
}
