using System.Globalization;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Anatomy;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Complications;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Neurology;
using SpineMetsRegistry.Domain.Instruments.Performance;
using SpineMetsRegistry.Domain.Instruments.Prognosis;
using SpineMetsRegistry.Domain.Instruments.Sins;
using SpineMetsRegistry.Domain.Instruments.Sosgoq;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Scoring;

/// <summary>
/// One derived score of a record, with everything needed to reproduce it: the instrument
/// and its version, the value set or definition, the coded inputs it used, and the named
/// rules it applied (or why it could not be computed).
/// </summary>
/// <param name="Name">Score name (e.g. "sins_total", "eq5d_index", "sosgoq_pain").</param>
/// <param name="Value">The number, or null when not computable or purely categorical.</param>
/// <param name="Category">The category (e.g. "potentially_unstable"), or null.</param>
/// <param name="Instrument">Instrument name.</param>
/// <param name="InstrumentVersion">Instrument version.</param>
/// <param name="Definition">Value set or scoring definition version, or null.</param>
/// <param name="Inputs">The coded inputs used (null marks a missing one).</param>
/// <param name="Rules">Named rules applied.</param>
/// <param name="NotComputableReason">Why no value could be computed, or null.</param>
public sealed record DerivedScore(
    string Name,
    decimal? Value,
    string? Category,
    string Instrument,
    string InstrumentVersion,
    string? Definition,
    IReadOnlyDictionary<string, string?> Inputs,
    IReadOnlyDictionary<string, string> Rules,
    string? NotComputableReason);

/// <summary>
/// Scores a validated record with every instrument its fields feed, using the registry's
/// instrument settings (value sets, Bilsky 1c policy, KPS-ECOG map, radiosensitivity map,
/// NESMS rule). An instrument whose items are missing yields a "not computable" score with
/// the reason, never a zero.
/// </summary>
public sealed class RecordScorer
{
    private readonly ResolvedInstrumentSettings _settings;
    private readonly SosgoqDefinition _sosgoq;

    // "sosgoq_" + each scale's code, then the total's: built once, not concatenated for every
    // scale of every scored row.
    private readonly string[] _sosgoqScoreNames;

    // The scale codes those names were built from (the definition's own strings, so a row's
    // scale is matched to its name by reference).
    private readonly string[] _sosgoqScaleCodes;

    // The definition's items as fields resolved to their slots once (read on every row).
    private readonly RecordField[] _sosgoqItemFields;

    // The definition's scales scored into plain values, with provenance built once: a row's
    // SOSGOQ scores share one inputs map over its levels (see SosgoqRowScorer).
    private readonly SosgoqRowScorer _sosgoqRows;

    // Each EQ-5D version's indexes under its value set, computed on the first row of that
    // version (every state's index once), then looked up: see Eq5dRowScorer.
    private readonly Lazy<Eq5dRowScorer>[] _eq5dRows;

    // Item scores of up to this many items are kept on the stack while scoring a row.
    private const int MaxSosgoqItemsOnStack = 64;

    /// <summary>Creates a scorer.</summary>
    /// <param name="settings">Resolved instrument settings.</param>
    /// <param name="sosgoq">The SOSGOQ 2.0 definition in force (default: the registry default).</param>
    public RecordScorer(ResolvedInstrumentSettings settings, SosgoqDefinition? sosgoq = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _sosgoq = sosgoq ?? SosgoqDefinitions.RegistryDefault;
        _sosgoqScaleCodes = [.. _sosgoq.Scales.Select(scale => scale.Code), SosgoqScorer.TotalCode];
        _sosgoqScoreNames = [.. _sosgoqScaleCodes.Select(SosgoqScoreName)];
        _sosgoqItemFields = [.. _sosgoq.Items.Select(item => new RecordField(item.Code))];
        _sosgoqRows = new SosgoqRowScorer(_sosgoq);
        _eq5dRows = [.. Enum.GetValues<Eq5dVersion>().Select(version => new Lazy<Eq5dRowScorer>(() => new Eq5dRowScorer(settings.ValueSetFor(version))))];

        // The row scorer's scales are the definition's, then the total: the names above, in order.
        if (!Enumerable.Range(0, _sosgoqRows.ScaleCount).Select(_sosgoqRows.ScaleCode).SequenceEqual(_sosgoqScaleCodes, StringComparer.Ordinal))
        {
            throw new InvalidOperationException("The SOSGOQ row scorer's scales are not the definition's.");
        }
    }

    /// <summary>Builds a scorer from settings, or reports every settings problem.</summary>
    public static LoadResult<RecordScorer> Create(InstrumentSettings settings)
    {
        var resolved = InstrumentSettingsResolver.Resolve(settings, Eq5dValueSetCatalog.BuiltIn);
        return resolved.Value is { } value
            ? LoadResult.Success(new RecordScorer(value))
            : LoadResult.Failure<RecordScorer>(resolved.Errors);
    }

    /// <summary>
    /// The scores of one record: baseline instruments for enrollments, outcomes for follow-ups.
    /// Held per instrument (<see cref="RecordScores.Instruments"/>); read as a list, each score.
    /// </summary>
    public RecordScores Score(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == RecordKind.Withdrawal)
        {
            return RecordScores.Empty;
        }

        // Sized for the usual count (an enrollment scores ten instruments, a follow-up two or
        // three), so the list is not grown step by step on every row.
        var scores = new RecordScores(record.Kind == RecordKind.Enrollment ? 12 : 4);

        AddEq5d(record, scores);
        AddSosgoq(record, scores);
        if (record.Kind == RecordKind.Enrollment)
        {
            AddBaseline(record, scores);
        }
        else if (record.GetString(ScoredFields.SavesGrade) is { } saves && saves != "none"
            && SavesCodes.Grade.TryParse(saves, out var grade))
        {
            var info = SavesClassifier.Instrument;
            scores.Add(InstrumentScores.One("saves_grade", (int)grade + 1, saves, info.Name, info.Version, null,
                new Dictionary<string, string?> { ["saves_grade"] = saves }, new Dictionary<string, string>(), null));
        }

        return scores;
    }

    private void AddBaseline(RegistryRecord record, RecordScores scores)
    {
        var level = Parse<VertebralLevel>(record.GetString(ScoredFields.IndexLevel), VertebralLevel.TryParse);
        var sins = SinsCalculator.Score(new SinsInput(
            level,
            Code(SinsCodes.Pain, record.GetString(ScoredFields.SinsPain)),
            Code(SinsCodes.BoneLesion, record.GetString(ScoredFields.SinsBoneLesion)),
            Code(SinsCodes.Alignment, record.GetString(ScoredFields.SinsAlignment)),
            Code(SinsCodes.Collapse, record.GetString(ScoredFields.SinsCollapse)),
            Code(SinsCodes.Posterolateral, record.GetString(ScoredFields.SinsPosterolateral))));
        scores.Add(From("sins_total", sins, s => s.Total, s => Snake(s.Category)));

        var primary = Code(DiseaseCodes.PrimaryTumour, record.GetString(ScoredFields.PrimaryTumour));
        var visceral = Code(DiseaseCodes.VisceralMetastases, record.GetString(ScoredFields.VisceralMets));
        var bone = record.GetInteger(ScoredFields.SpinalMetsCount) is { } spinal && record.GetInteger(ScoredFields.ExtraspinalMetsCount) is { } extraspinal
            && BoneMetastasisBurden.Create(checked((int)spinal), checked((int)extraspinal)).TryGetValue(out var burden) ? burden : null;
        var kps = record.GetInteger(ScoredFields.Kps) is { } k && KarnofskyScore.Create(checked((int)k)).TryGetValue(out var karnofsky) ? karnofsky : (KarnofskyScore?)null;
        var ecog = record.GetInteger(ScoredFields.Ecog) is { } e && EcogGrade.Create(checked((int)e)).TryGetValue(out var ecogGrade) ? ecogGrade : (EcogGrade?)null;
        var frankel = Code(NeurologyCodes.Frankel, record.GetString(ScoredFields.FrankelGrade));

        var tokuhashi = TokuhashiCalculator.Score(new TokuhashiInput(primary, kps, ecog, bone, visceral, frankel), _settings.KpsEcogMap);
        scores.Add(From("tokuhashi_total", tokuhashi, s => s.Total, s => Snake(s.Band)));

        var tomita = TomitaCalculator.Score(new TomitaInput(primary, visceral, bone));
        scores.Add(From("tomita_total", tomita, s => s.Total, s => Snake(s.Strategy)));

        var bauer = ModifiedBauerCalculator.Score(new ModifiedBauerInput(primary, visceral, bone));
        scores.Add(From("bauer_total", bauer, s => s.Total, _ => null));

        var albumin = record.GetDecimal(ScoredFields.AlbuminGL) is { } grams && SerumAlbumin.FromGramsPerLitre(grams).TryGetValue(out var serum) ? serum : (SerumAlbumin?)null;
        var ambulation = Code(DiseaseCodes.AmbulatoryStatus, record.GetString(ScoredFields.AmbulatoryStatus));
        var nesms = NesmsCalculator.Score(new NesmsInput(primary, visceral, bone, ambulation, albumin), _settings.NesmsModifiedBauerRule);
        scores.Add(From("nesms_total", nesms, s => s.Total, _ => null));

        var bilskyGrade = Code(BilskyCodes.Grade, record.GetString(ScoredFields.BilskyGrade));
        var bilsky = BilskyClassifier.Classify(bilskyGrade, _settings.BilskyGrade1cPolicy);
        scores.Add(From("bilsky_escc", bilsky, _ => null, s => BilskyCodes.Severity.ToCode(s.Severity)));

        var noms = NomsPathway.Suggest(new NomsInput(primary, bilskyGrade, sins.Score?.Total), _settings.Radiosensitivity, _settings.BilskyGrade1cPolicy);
        scores.Add(From("noms_pathway", noms, _ => null, s => Snake(s.Pathway)));
    }

    private void AddEq5d(RegistryRecord record, RecordScores scores)
    {
        var versionCode = record.GetString(ScoredFields.Eq5dVersion);
        if (versionCode is null || !Eq5dCodes.Version.TryParse(versionCode, out var version))
        {
            return;
        }

        int? Level(RecordField field) => record.GetInteger(field) is { } level ? checked((int)level) : null;
        int?[] levels = [Level(ScoredFields.Eq5dMo), Level(ScoredFields.Eq5dSc), Level(ScoredFields.Eq5dUa), Level(ScoredFields.Eq5dPd), Level(ScoredFields.Eq5dAd)];
        var rows = _eq5dRows[(int)version].Value;
        if (rows.Version == version && rows.TryIndex(levels, out var index))
        {
            scores.Add(InstrumentScores.One(
                "eq5d_index", index, null, rows.Instrument.Name, rows.Instrument.Version, rows.Definition, new LevelInputs(rows.Inputs, levels), rows.Rules, null));
            return;
        }

        // A missing or invalid level: the calculator says why there is no index.
        var response = new Eq5dResponse(version, levels[0], levels[1], levels[2], levels[3], levels[4]);
        var result = Eq5dIndexCalculator.Score(_settings.ValueSetFor(version), response);
        scores.Add(From("eq5d_index", result, s => s.Index, _ => null));
    }

    private void AddSosgoq(RegistryRecord record, RecordScores scores)
    {
        // The items' levels in definition order: no dictionary per row (this runs on every row).
        var items = _sosgoq.Items;
        var levels = new int?[items.Count];
        var anyAnswered = false;
        for (var i = 0; i < levels.Length; i++)
        {
            if (record.GetInteger(_sosgoqItemFields[i]) is { } level)
            {
                levels[i] = checked((int)level);
                anyAnswered = true;
            }
        }

        if (!anyAnswered)
        {
            return;
        }

        Span<decimal?> itemScores = levels.Length <= MaxSosgoqItemsOnStack ? stackalloc decimal?[levels.Length] : new decimal?[levels.Length];
        if (_sosgoqRows.TryItemScores(levels, itemScores))
        {
            AddSosgoqScales(levels, itemScores, scores);
            return;
        }

        // A level outside the definition's range: the general scorer says why no score.
        var result = SosgoqScorer.Score(_sosgoq, levels);
        if (result.Score is not { } sosgoq)
        {
            scores.Add(From<SosgoqScores>("sosgoq_total", result, _ => null, _ => null));
            return;
        }

        for (var i = 0; i <= sosgoq.Scales.Count; i++)
        {
            var scale = i < sosgoq.Scales.Count ? sosgoq.Scales[i] : sosgoq.Total;
            var name = i < _sosgoqScaleCodes.Length && string.Equals(_sosgoqScaleCodes[i], scale.Code, StringComparison.Ordinal)
                ? _sosgoqScoreNames[i]
                : SosgoqScoreName(scale.Code);
            scores.Add(InstrumentScores.One(
                name,
                scale.Score,
                null,
                result.Instrument,
                result.InstrumentVersion,
                result.DefinitionVersion,
                result.Inputs,
                result.Rules,
                scale.Failure?.Message));
        }
    }

    /// <summary>Each scale's score and the total's, all sharing the row's one inputs map and the definition's rules.</summary>
    private void AddSosgoqScales(int?[] levels, ReadOnlySpan<decimal?> itemScores, RecordScores scores)
    {
        var rows = _sosgoqRows;
        var values = new decimal?[rows.ScaleCount];
        string?[]? reasons = null;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = rows.ScaleScore(i, itemScores, out var failure);
            if (failure is not null)
            {
                (reasons ??= new string?[values.Length])[i] = failure;
            }
        }

        var instrument = rows.Instrument;
        scores.Add(InstrumentScores.Many(
            _sosgoqScoreNames, values, reasons, instrument.Name, instrument.Version, rows.DefinitionVersion, new LevelInputs(rows.Inputs, levels), rows.Rules));
    }

    private const string SosgoqPrefix = "sosgoq_";

    private static string SosgoqScoreName(string scaleCode) => SosgoqPrefix + scaleCode;

    private static InstrumentScores From<TScore>(string name, ScoreResult<TScore> result, Func<TScore, decimal?> value, Func<TScore, string?> category)
        where TScore : class =>
        InstrumentScores.One(
            name,
            result.Score is { } score ? value(score) : null,
            result.Score is { } categorised ? category(categorised) : null,
            result.Instrument,
            result.InstrumentVersion,
            result.DefinitionVersion,
            result.Inputs,
            result.Rules,
            result.Failure?.Message);

    private static TValue? Code<TValue>(CodeTable<TValue> table, string? code)
        where TValue : struct, Enum =>
        code is not null && table.TryParse(code, out var value) ? value : null;

    private delegate bool TryParser<TValue>(string? text, out TValue value);

    private static TValue? Parse<TValue>(string? text, TryParser<TValue> parser)
        where TValue : struct =>
        text is not null && parser(text, out var value) ? value : null;

    private static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        SnakeCaseNames<TEnum>.Of(value);

    /// <summary>Renders a score value canonically (for storage and reports).</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
