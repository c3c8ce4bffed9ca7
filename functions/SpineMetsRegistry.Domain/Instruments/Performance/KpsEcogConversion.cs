namespace SpineMetsRegistry.Domain.Instruments.Performance;

/// <summary>A conversion between KPS and ECOG under a named map.</summary>
/// <param name="From">Scale converted from: <c>KPS</c> or <c>ECOG</c>.</param>
/// <param name="Value">Value converted.</param>
/// <param name="To">Scale converted to: <c>ECOG</c> or <c>KPS</c>.</param>
/// <param name="Result">Converted value.</param>
/// <param name="Map">Name of the map used.</param>
public sealed record KpsEcogConversion(string From, int Value, string To, int Result, string Map);

/// <summary>Converts between KPS and ECOG under a named <see cref="KpsEcogMap"/>, recording the map.</summary>
public static class KpsEcogConverter
{
    /// <summary>The conversion, as an instrument (it has no paper of its own; see <see cref="KpsEcogMaps.Conventional"/>).</summary>
    public static InstrumentInfo Instrument { get; } = new(
        "KPS-ECOG", "1", "No single formal map exists; the map is a named registry choice (see KpsEcogMaps).");

    /// <summary>KPS to ECOG.</summary>
    /// <param name="kps">The KPS.</param>
    /// <param name="map">The map.</param>
    public static ScoreResult<KpsEcogConversion> ToEcog(KarnofskyScore kps, KpsEcogMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var ecog = map.ToEcog(kps);
        return new ScoreRecorder(Instrument, map.Name)
            .Input("kps", kps.ToString())
            .Rule("kpsEcogMap", map.Name)
            .Computed(new KpsEcogConversion("KPS", kps.Value, "ECOG", ecog.Value, map.Name));
    }

    /// <summary>ECOG to KPS.</summary>
    /// <param name="ecog">The ECOG grade.</param>
    /// <param name="map">The map.</param>
    public static ScoreResult<KpsEcogConversion> ToKps(EcogGrade ecog, KpsEcogMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var kps = map.ToKps(ecog);
        return new ScoreRecorder(Instrument, map.Name)
            .Input("ecog", ecog.ToString())
            .Rule("kpsEcogMap", map.Name)
            .Computed(new KpsEcogConversion("ECOG", ecog.Value, "KPS", kps.Value, map.Name));
    }
}
