namespace SpineMetsRegistry.Domain.Instruments.Anatomy;

/// <summary>Region of the spine a vertebral level belongs to; the letter of its code.</summary>
public enum SpinalRegion
{
    /// <summary>Cervical, code letter <c>C</c>; <c>C0</c> is the occiput (occipito-cervical junction).</summary>
    Cervical,

    /// <summary>Thoracic, code letter <c>T</c> (T1-T12).</summary>
    Thoracic,

    /// <summary>Lumbar, code letter <c>L</c> (L1-L5).</summary>
    Lumbar,

    /// <summary>Sacral, code letter <c>S</c> (S1-S5).</summary>
    Sacral,
}
