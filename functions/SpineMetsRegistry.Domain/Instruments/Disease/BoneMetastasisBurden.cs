using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>
/// Counts of bone metastases: vertebral (spinal) metastases, at least 1 in this registry, and
/// extraspinal bone metastases, 0 or more. Tomita's "solitary" and modified Bauer's "solitary
/// skeletal metastasis" are read as exactly one bone metastasis in total (registry rule).
/// </summary>
public sealed record BoneMetastasisBurden
{
    private BoneMetastasisBurden(int spinal, int extraspinal)
    {
        Spinal = spinal;
        Extraspinal = extraspinal;
    }

    /// <summary>Number of vertebral (spinal) metastases, at least 1.</summary>
    public int Spinal { get; }

    /// <summary>Number of extraspinal bone metastases, 0 or more.</summary>
    public int Extraspinal { get; }

    /// <summary>Total number of bone metastases.</summary>
    public int Total => checked(Spinal + Extraspinal);

    /// <summary>True when there is exactly one bone metastasis in total (Tomita, modified Bauer "solitary").</summary>
    public bool IsSolitary => Total == 1;

    /// <summary>Creates the counts, checking their ranges.</summary>
    /// <param name="spinal">Vertebral metastases (at least 1).</param>
    /// <param name="extraspinal">Extraspinal bone metastases (0 or more).</param>
    /// <returns>The counts, or an out-of-range error.</returns>
    public static ParseResult<BoneMetastasisBurden> Create(int spinal, int extraspinal)
    {
        if (spinal < 1)
        {
            return ParseResult.Failure<BoneMetastasisBurden>(
                ParseError.OutOfRangeCode,
                string.Create(CultureInfo.InvariantCulture, $"spinal metastases count: {spinal} is not allowed; a registry patient has at least 1 vertebral metastasis."));
        }

        if (extraspinal < 0)
        {
            return ParseResult.Failure<BoneMetastasisBurden>(
                ParseError.OutOfRangeCode,
                string.Create(CultureInfo.InvariantCulture, $"extraspinal bone metastases count: {extraspinal} is not allowed; the count is 0 or more."));
        }

        return ParseResult.Success(new BoneMetastasisBurden(spinal, extraspinal));
    }
}
