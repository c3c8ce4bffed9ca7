using System.Globalization;

namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>
/// A complete EQ-5D health state: one level for each of the five dimensions, written as a
/// five-digit code in the order MO, SC, UA, PD, AD (e.g. <c>21354</c>).
/// </summary>
public sealed record Eq5dHealthState
{
    private Eq5dHealthState(Eq5dVersion version, string code)
    {
        Version = version;
        Code = code;
    }

    /// <summary>The EQ-5D version whose levels the state uses.</summary>
    public Eq5dVersion Version { get; }

    /// <summary>The five-digit state code.</summary>
    public string Code { get; }

    /// <summary>The levels in dimension order.</summary>
    public IReadOnlyList<int> Levels => Code.Select(c => c - '0').ToArray();

    /// <summary>The level of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    public int LevelOf(Eq5dDimension dimension) => Code[(int)dimension] - '0';

    /// <summary>Parses a five-digit state code for a version.</summary>
    /// <param name="version">The EQ-5D version (levels 1-3 or 1-5).</param>
    /// <param name="code">The code, e.g. <c>21354</c>.</param>
    /// <returns>The state, or an error saying what is wrong with the code.</returns>
    public static ParseResult<Eq5dHealthState> Parse(Eq5dVersion version, string? code)
    {
        var levelCount = Eq5dCodes.LevelCount(version);
        var versionCode = Eq5dCodes.Version.ToCode(version);
        if (code is null || code.Length != 5 || code.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return ParseResult.Failure<Eq5dHealthState>(
                ParseError.MalformedCode,
                string.Create(CultureInfo.InvariantCulture, $"EQ-5D-{versionCode} state '{code}': expected five digits, one level 1-{levelCount} per dimension in the order MO SC UA PD AD."));
        }

        for (var i = 0; i < 5; i++)
        {
            var level = code[i] - '0';
            if (level < 1 || level > levelCount)
            {
                return ParseResult.Failure<Eq5dHealthState>(
                    ParseError.OutOfRangeCode,
                    string.Create(CultureInfo.InvariantCulture, $"EQ-5D-{versionCode} state '{code}': {Eq5dCodes.Dimension.ToCode((Eq5dDimension)i)} level {level} is outside 1-{levelCount}."));
            }
        }

        return ParseResult.Success(new Eq5dHealthState(version, code));
    }

    /// <summary>Builds a state from five levels in dimension order.</summary>
    /// <param name="version">The EQ-5D version.</param>
    /// <param name="levels">Five levels, MO SC UA PD AD.</param>
    /// <returns>The state, or an error.</returns>
    public static ParseResult<Eq5dHealthState> FromLevels(Eq5dVersion version, IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count != 5 || !AllDigits(levels))
        {
            return ParseResult.Failure<Eq5dHealthState>(
                ParseError.MalformedCode,
                string.Create(CultureInfo.InvariantCulture, $"EQ-5D state: expected five levels, got [{string.Join(",", levels)}]."));
        }

        return Parse(version, string.Create(5, levels, static (code, digits) =>
        {
            for (var i = 0; i < code.Length; i++)
            {
                code[i] = (char)('0' + digits[i]);
            }
        }));
    }

    private static bool AllDigits(IReadOnlyList<int> levels)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] is < 0 or > 9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every state of a version: 243 for 3L, 3,125 for 5L, in code order.</summary>
    /// <param name="version">The version.</param>
    public static IEnumerable<Eq5dHealthState> All(Eq5dVersion version)
    {
        var levelCount = Eq5dCodes.LevelCount(version);
        var total = (int)Math.Pow(levelCount, 5);
        for (var n = 0; n < total; n++)
        {
            var digits = new char[5];
            var rest = n;
            for (var i = 4; i >= 0; i--)
            {
                digits[i] = (char)('1' + (rest % levelCount));
                rest /= levelCount;
            }

            yield return new Eq5dHealthState(version, new string(digits));
        }
    }

    /// <summary>The best state (<c>11111</c>) of a version.</summary>
    /// <param name="version">The version.</param>
    public static Eq5dHealthState Best(Eq5dVersion version) => new(version, "11111");

    /// <summary>The worst state (<c>33333</c> or <c>55555</c>) of a version.</summary>
    /// <param name="version">The version.</param>
    public static Eq5dHealthState Worst(Eq5dVersion version) =>
        new(version, new string((char)('0' + Eq5dCodes.LevelCount(version)), 5));

    /// <summary>The state one level worse in one dimension, or <c>null</c> when that dimension is already at its worst level.</summary>
    /// <param name="dimension">The dimension to worsen.</param>
    public Eq5dHealthState? OneLevelWorseIn(Eq5dDimension dimension)
    {
        var level = LevelOf(dimension);
        if (level >= Eq5dCodes.LevelCount(Version))
        {
            return null;
        }

        var digits = Code.ToCharArray();
        digits[(int)dimension] = (char)('0' + level + 1);
        return new Eq5dHealthState(Version, new string(digits));
    }

    /// <inheritdoc />
    public override string ToString() => Code;
}
