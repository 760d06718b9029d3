using Marketplace.Web.Domain;

namespace Marketplace.Web.Budgets;

/// <summary>
/// The one place that names the steps of the effect chain. Data keeps the neutral <see cref="EffectStep"/>; pages, PDFs
/// and mails show the KGSt report's terms (Input, Output, Wirkung, Impact, Outcome) through these resource keys, so a
/// foundation's vocabulary (PHINEO's "Wirkungstreppe") could be shown instead by changing this class alone.
/// </summary>
public static class EffectStepNames
{
    public static readonly EffectStep[] Steps = [EffectStep.Input, EffectStep.Output, EffectStep.Effect, EffectStep.Impact, EffectStep.Outcome];

    public static string KeyOf(EffectStep step) => $"Effects_Step_{step}";

    public static string KeyOf(Influence influence) => $"Effects_Influence_{influence}";

    public static string KeyOf(MeasuringPeriod period) => $"Effects_Period_{period}";
}
