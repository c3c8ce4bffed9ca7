using SpineMetsRegistry.Domain.Deidentification.Checksums;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>Check-digit rules, on synthetic numbers generated for this project.</summary>
public sealed class ChecksumTests
{
    [Theory]
    [InlineData("876809098")]
    [InlineData("172900840")]
    [InlineData("233455206")]
    [InlineData("12345672")] // eight digits: implied leading zero
    public void DutchBsn_ValidElfproef_IsValid(string digits) => Assert.True(DutchBsn.IsValid(digits));

    [Theory]
    [InlineData("876809097")] // last digit changed
    [InlineData("123456789")]
    [InlineData("000000000")] // passes the sum, but all zero
    [InlineData("87680909")]
    [InlineData("8768090980")]
    [InlineData("87680909a")]
    public void DutchBsn_Invalid_IsRejected(string digits) => Assert.False(DutchBsn.IsValid(digits));

    [Theory]
    [InlineData("6544185205")]
    [InlineData("4078146198")]
    [InlineData("4737023434")]
    public void NhsNumber_ValidCheckDigit_IsValid(string digits) => Assert.True(NhsNumber.IsValid(digits));

    [Theory]
    [InlineData("6544185206")] // wrong check digit
    [InlineData("5550134567")] // a NANP phone number that fails the check
    [InlineData("123456789")]
    public void NhsNumber_Invalid_IsRejected(string digits) => Assert.False(NhsNumber.IsValid(digits));

    [Fact]
    public void NhsNumber_CheckDigitTen_IsInvalidForEveryFinalDigit()
    {
        // 000000001: weighted sum 1 x 2 = 2, check 11 - 2 = 9.
        // 000000006: weighted sum 6 x 2 = 12, 12 mod 11 = 1, check 11 - 1 = 10: no valid number.
        for (var last = 0; last <= 9; last++)
        {
            Assert.False(NhsNumber.IsValid("000000006" + last));
        }

        Assert.True(NhsNumber.IsValid("0000000019"));
    }

    [Theory]
    [InlineData("332", "20", "6469", true)]
    [InlineData("000", "20", "6469", false)]
    [InlineData("666", "20", "6469", false)]
    [InlineData("912", "20", "6469", false)]
    [InlineData("332", "00", "6469", false)]
    [InlineData("332", "20", "0000", false)]
    public void UsSsn_IssuingRules_Hold(string area, string group, string serial, bool plausible) =>
        Assert.Equal(plausible, UsSsn.IsPlausible(area, group, serial));

    [Theory]
    [InlineData("NL68ZZZZ0062578507", true)]
    [InlineData("DE55411873367944180071", true)]
    [InlineData("GB03ZZZZ23214183437570", true)]
    [InlineData("BE92611366267129", true)]
    [InlineData("NL68ZZZZ0062578508", false)] // check fails
    [InlineData("NL68ZZZZ00625785071", false)] // wrong length for NL
    [InlineData("XX00", false)]
    public void Iban_Mod97AndLength_AreChecked(string iban, bool valid) => Assert.Equal(valid, Iban.IsValid(iban));

    [Theory]
    [InlineData("74314259", 'V', true)]
    [InlineData("74314259", 'v', true)]
    [InlineData("74314259", 'W', false)]
    public void SpanishDni_ControlLetter_IsChecked(string digits, char letter, bool valid) =>
        Assert.Equal(valid, SpanishDni.IsValidDni(digits, letter));

    [Theory]
    [InlineData('X', "7081526", 'X', true)]
    [InlineData('Y', "0066528", 'A', true)]
    [InlineData('Z', "5922558", 'V', true)]
    [InlineData('Z', "5922558", 'T', false)]
    [InlineData('Q', "5922558", 'V', false)]
    public void SpanishNie_ControlLetter_IsChecked(char prefix, string digits, char letter, bool valid) =>
        Assert.Equal(valid, SpanishDni.IsValidNie(prefix, digits, letter));

    [Theory]
    [InlineData("169115419880882", true)]
    [InlineData("287067512345638", true)]
    [InlineData("255032A00412386", true)] // Corsica: 2A read as 19
    [InlineData("255032A00412387", false)]
    [InlineData("169115419880883", false)]
    [InlineData("369115419880882", false)] // first digit must be 1, 2, 7 or 8
    public void FrenchNir_Key_IsChecked(string nir, bool valid) => Assert.Equal(valid, FrenchNir.IsValid(nir));
}
