namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>
/// Metastases to major internal organs. Revised Tokuhashi uses none / removable / unremovable;
/// Tomita's "treatable" and "untreatable" are read as removable and unremovable.
/// </summary>
public enum VisceralMetastases
{
    /// <summary>No visceral metastases (code <c>none</c>).</summary>
    None,

    /// <summary>Visceral metastases that are removable / treatable (code <c>removable</c>).</summary>
    Removable,

    /// <summary>Visceral metastases that are unremovable / untreatable (code <c>unremovable</c>).</summary>
    Unremovable,
}
