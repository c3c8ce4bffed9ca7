using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments.Disease;

/// <summary>Ambulatory status at assessment.</summary>
public enum AmbulatoryStatus
{
    /// <summary>Walks independently, aids allowed but no help from another person (code <c>independent</c>).</summary>
    [JsonStringEnumMemberName("independent")]
    Independent,

    /// <summary>Walks only with help from another person (code <c>assisted</c>).</summary>
    [JsonStringEnumMemberName("assisted")]
    Assisted,

    /// <summary>Cannot walk (code <c>non_ambulatory</c>).</summary>
    [JsonStringEnumMemberName("non_ambulatory")]
    NonAmbulatory,
}
