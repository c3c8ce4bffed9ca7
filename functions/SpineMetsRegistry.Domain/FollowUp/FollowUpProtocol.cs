using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpineMetsRegistry.Domain.FollowUp;

/// <summary>
/// The follow-up schedule: time points after the index treatment with a window around
/// each, and how early a visit is announced as upcoming. Registry configuration, not code.
/// </summary>
/// <remarks>
/// Default: EPOSO's 6, 12, 26 and 52 weeks after treatment (Versteeg et al., Spine J
/// 2021;21(3):492-9). EPOSO publishes no visit windows; the defaults (6 w ± 2 w,
/// 12 w ± 3 w, 26 w ± 4 w, 52 w ± 6 w) are the registry's own choice and configurable.
/// </remarks>
public sealed class FollowUpProtocol
{
    /// <summary>Days before a window opens that a visit is announced as upcoming (default 14).</summary>
    public int UpcomingLeadDays { get; set; } = 14;

    /// <summary>The time points in order.</summary>
    public List<FollowUpTimePoint> TimePoints { get; set; } =
    [
        new("6w", 42, 14, 14),
        new("12w", 84, 21, 21),
        new("26w", 182, 28, 28),
        new("52w", 364, 42, 42),
    ];

    /// <summary>
    /// A fingerprint of the protocol: stored with every scheduled visit, so a changed
    /// protocol is detected and applied to the visits not yet completed.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = string.Join(";", TimePoints.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Code}:{t.TargetDay}-{t.WindowBeforeDays}+{t.WindowAfterDays}")))
                + string.Create(CultureInfo.InvariantCulture, $";lead:{UpcomingLeadDays}");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }
    }

    /// <summary>Finds a time point by code.</summary>
    public FollowUpTimePoint? Find(string code) => TimePoints.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    /// <summary>Checks the protocol is usable; returns every defect.</summary>
    public IReadOnlyList<string> Check(IEnumerable<string> dictionaryTimePoints)
    {
        ArgumentNullException.ThrowIfNull(dictionaryTimePoints);
        var known = dictionaryTimePoints.ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        if (TimePoints.Count == 0)
        {
            errors.Add("The follow-up protocol has no time points.");
        }

        foreach (var point in TimePoints)
        {
            if (!known.Contains(point.Code))
            {
                errors.Add($"Time point {point.Code} is not a time_point code of the data dictionary.");
            }

            if (point.TargetDay <= 0 || point.WindowBeforeDays < 0 || point.WindowAfterDays < 0 || point.WindowBeforeDays >= point.TargetDay)
            {
                errors.Add($"Time point {point.Code} needs a positive target day and windows that open after the index day.");
            }
        }

        if (TimePoints.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count() != TimePoints.Count)
        {
            errors.Add("The follow-up protocol lists a time point twice.");
        }

        if (UpcomingLeadDays < 0)
        {
            errors.Add("UpcomingLeadDays must not be negative.");
        }

        return errors;
    }
}
