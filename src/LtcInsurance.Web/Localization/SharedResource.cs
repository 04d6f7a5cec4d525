namespace LtcInsurance.Web;

/// <summary>Anchor type for the UI strings in Resources/SharedResource*.resx (Chinese is the neutral language).</summary>
public sealed class SharedResource;
