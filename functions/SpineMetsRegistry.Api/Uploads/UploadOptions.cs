namespace SpineMetsRegistry.Api.Uploads;

/// <summary>Limits of uploads through the API (host configuration section <c>Registry:Uploads</c>).</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Registry:Uploads";

    /// <summary>The largest file one upload may carry (default 256 MiB; larger batches are split).</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}
