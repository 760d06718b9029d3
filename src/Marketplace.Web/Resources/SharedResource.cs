namespace Marketplace.Web.Resources;

/// <summary>Marker for Resources/SharedResource.*.resx: German is the neutral language, English is complete.</summary>
public sealed class SharedResource;
