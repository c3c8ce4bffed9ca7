using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Performance;
using SpineMetsRegistry.Domain.Instruments.Prognosis;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Prognosis;

internal static class PrognosisTestInputs
{
    public static PrimaryTumour Primary(string code)
    {
        Assert.True(DiseaseCodes.PrimaryTumour.TryParse(code, out var primary));
        return primary;
    }

    public static VisceralMetastases Visceral(string code)
    {
        Assert.True(DiseaseCodes.VisceralMetastases.TryParse(code, out var visceral));
        return visceral;
    }

    public static FrankelGrade Frankel(string code)
    {
        Assert.True(NeurologyCodes.Frankel.TryParse(code, out var grade));
        return grade;
    }

    public static BoneMetastasisBurden Bone(int spinal, int extraspinal) =>
        BoneMetastasisBurden.Create(spinal, extraspinal).TryGetValue(out var bone) ? bone : throw new ArgumentOutOfRangeException(nameof(spinal));

    public static KarnofskyScore Kps(int value)
    {
        Assert.True(KarnofskyScore.Create(value).TryGetValue(out var kps));
        return kps;
    }

    public static EcogGrade Ecog(int value)
    {
        Assert.True(EcogGrade.Create(value).TryGetValue(out var ecog));
        return ecog;
    }

    public static SerumAlbumin AlbuminGramsPerLitre(decimal value)
    {
        Assert.True(SerumAlbumin.FromGramsPerLitre(value).TryGetValue(out var albumin));
        return albumin;
    }
}
