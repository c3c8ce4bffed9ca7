namespace SpineMetsRegistry.Pipeline.Blobs;

/// <summary>
/// The central (never site-readable) blob areas. Each is one container in the central
/// storage account.
/// </summary>
public enum CentralArea
{
    /// <summary>Bytes just received, before the de-identification gate has decided (container <c>intake</c>).</summary>
    Intake,

    /// <summary>
    /// Immutable, content-addressed copies of uploads whose records are stored (accepted or
    /// partly accepted; container <c>raw</c>, WORM in Azure). Held and rejected uploads never
    /// come here.
    /// </summary>
    Raw,

    /// <summary>Uploads that carried an identifier; readable by neither sites nor the committee (container <c>quarantine</c>).</summary>
    Quarantine,

    /// <summary>Validated records split into bounded chunks for storing (container <c>staging</c>).</summary>
    Staging,
}

/// <summary>Container names of the central areas.</summary>
public static class CentralContainers
{
    /// <summary>The container that holds an area.</summary>
    public static string NameOf(CentralArea area) => area switch
    {
        CentralArea.Intake => "intake",
        CentralArea.Raw => "raw",
        CentralArea.Quarantine => "quarantine",
        CentralArea.Staging => "staging",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };
}
