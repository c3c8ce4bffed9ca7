using System.Globalization;
using SpineMetsRegistry.Domain.Deidentification;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>
/// The gate's study-ID test (<see cref="StudyIdCheck.FindIdentifier"/>, no pattern match) finds
/// exactly what <see cref="StudyIdCheck.Check"/> reports as looking like an identifier, under
/// any site pattern; and the gate reports a study ID exactly when it does.
/// </summary>
public sealed class StudyIdLooksLikeTests
{
    private static readonly string[] Patterns = [@"^S01-[0-9]{7}$", @"^[0-9]{9}$", ".*", @"^[A-Z]{2}\d{3}$"];

    [Fact]
    public void FindIdentifier_GeneratedAndIdentifierLikeIds_SameFindingAsCheck()
    {
        var ids = new List<string>
        {
            "S01-0000001", "S01-1234567", "123456789", "111222333", "0612345678", "+31 6 12345678", "jan@example.org",
            "123-45-6789", "1951-03-12", "AB123", "S01-12", "s01-0000001", "NL91ABNA0417164300", "John Smith",
            "MRN 00123456", "12.34.56", "000000", "12345", "S01 0000001", "943 476 5919", "1 85 05 78 006 084 36",
        };
        var random = new Random(3);
        for (var i = 0; i < 400; i++)
        {
            ids.Add("S01-" + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture));
            ids.Add(random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        }

        var looksLike = 0;
        foreach (var pattern in Patterns)
        {
            var check = StudyIdCheck.Create(pattern).Value!;
            var gate = new DeidentificationGate(new IdentifierScanner(), pattern, SpineMetsRegistry.Domain.Dictionary.DataDictionary.Default);
            foreach (var id in ids)
            {
                var result = check.Check(id);
                var expected = result.Outcome == StudyIdOutcome.LooksLikeIdentifier ? result.Finding : null;
                Assert.Equal(expected, StudyIdCheck.FindIdentifier(id));

                var problems = gate.InspectStudyId(7, id).ToList();
                Assert.Equal(expected is null ? 0 : 1, problems.Count);
                if (expected is not null)
                {
                    Assert.Equal((expected.Code, expected.Masked), (problems[0].Code, problems[0].MaskedValue));
                    looksLike++;
                }
            }
        }

        Assert.True(looksLike > 400, $"{looksLike} IDs looked like identifiers");
    }
}
