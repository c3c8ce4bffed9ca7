using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>
/// Metastases to major internal organs. Revised Tokuhashi uses none / removable / unremovable;
/// Tomita's "treatable" and "untreatable" are read as removable and unremovable.
/// </summary>
public enum VisceralMetastases
{
    /// <summary>No visceral metastases (code <c>none</c>).</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Visceral metastases that are removable / treatable (code <c>removable</c>).</summary>
    [JsonStringEnumMemberName("removable")]
    Removable,

    /// <summary>Visceral metastases that are unremovable / untreatable (code <c>unremovable</c>).</summary>
    [JsonStringEnumMemberName("unremovable")]
    Unremovable,
}
