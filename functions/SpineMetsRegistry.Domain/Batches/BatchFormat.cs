namespace SpineMetsRegistry.Domain.Batches;

/// <summary>The file formats a site may upload.</summary>
public enum BatchFormat
{
    /// <summary>RFC 4180 CSV, UTF-8 with or without BOM, header row of field codes.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line, keys are field codes.</summary>
    JsonLines,

    /// <summary>
    /// A REDCap raw records export (CSV), read through the event map whatever its header.
    /// A .csv file is read as <see cref="Csv"/>, which detects REDCap exports from the header.
    /// </summary>
    Redcap,
}

/// <summary>Maps file names to formats.</summary>
public static class BatchFormats
{
    /// <summary>The short name used in reports and on the command line: csv, jsonl or redcap.</summary>
    public static string ToCode(this BatchFormat format) => format switch
    {
        BatchFormat.JsonLines => "jsonl",
        BatchFormat.Redcap => "redcap",
        _ => "csv",
    };

    /// <summary>Determines the format from the file extension (.csv, .jsonl, .ndjson; case-insensitive).</summary>
    public static bool TryFromFileName(string fileName, out BatchFormat format)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        switch (extension)
        {
            case ".CSV":
                format = BatchFormat.Csv;
                return true;
            case ".JSONL" or ".NDJSON":
                format = BatchFormat.JsonLines;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
