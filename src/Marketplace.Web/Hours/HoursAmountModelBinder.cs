using Marketplace.Web.Localization;

namespace Marketplace.Web.Hours;

/// <summary>Binds logged hours with the decimal rules of money amounts; a wrong entry is reported as out of range.</summary>
public sealed class HoursAmountModelBinder : TypedDecimalModelBinder
{
    protected override string ErrorKey => "Hours_HoursRange";
}
