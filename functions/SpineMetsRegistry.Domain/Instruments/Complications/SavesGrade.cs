using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Complications;

/// <summary>
/// SAVES adverse-event grade (Rampersaud YR et al., Spine 2010;35:790). "No complication"
/// is the absence of a grade, never a grade of its own.
/// </summary>
public enum SavesGrade
{
    /// <summary>I: no or minimal treatment; length of stay increased by 1-2 days at most (code <c>I</c>).</summary>
    [JsonStringEnumMemberName("I")]
    I,

    /// <summary>II: treatment needed and/or stay increased by 3-7 days; no long-term effect (code <c>II</c>).</summary>
    [JsonStringEnumMemberName("II")]
    II,

    /// <summary>III: treatment needed and/or stay increased by more than 7 days; or a long-term effect over 6 months (code <c>III</c>).</summary>
    [JsonStringEnumMemberName("III")]
    III,

    /// <summary>IV: death (code <c>IV</c>).</summary>
    [JsonStringEnumMemberName("IV")]
    IV,
}

/// <summary>Registry codes of the SAVES grade.</summary>
public static class SavesCodes
{
    /// <summary>Grade codes: <c>I|II|III|IV</c>.</summary>
    public static CodeTable<SavesGrade> Grade { get; } = new("SAVES grade");
}
