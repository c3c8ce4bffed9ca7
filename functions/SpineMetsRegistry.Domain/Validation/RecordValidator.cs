using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>The outcome of validating one record on its own.</summary>
/// <param name="Record">The typed record, or null when the row has an error.</param>
/// <param name="Problems">Every problem of the row (errors and warnings).</param>
public sealed record RecordValidation(RegistryRecord? Record, IReadOnlyList<ValidationProblem> Problems);

/// <summary>
/// Validates one record on its own: structure, record type, every field's type, range and
/// code, requiredness (including conditional), the dictionary's record-level rules, and
/// the consistency rules that need only the row itself. Checks across rows are done by
/// <see cref="BatchConsistencyChecker"/>.
/// </summary>
public sealed class RecordValidator
{
    private static readonly string[] ProFields = ["nrs_pain", "eq_vas", "eq5d_mo", "sosgoq_01"];

    private readonly BatchValidationContext _context;
    private readonly DataDictionary _dictionary;
    private readonly Deidentification.DeidentificationGate? _gate;
    private readonly Dictionary<string, Dictionary<string, DictionaryRule>> _allOrNoneGroups;

    // The fields of each record type that have a conditional maximum, with their slots and
    // the lowest maximum any condition can give: found once per validator rather than
    // filtered per row.
    private readonly Dictionary<string, ConditionalMaximumCheck[]> _conditionalMaximumFields;

    // The fields of each record type whose requirement can raise a problem (a field that is
    // optional whatever the row holds never does, and is not looked at per row), compiled to
    // field slots once per validator.
    private readonly Dictionary<string, RequirementCheck[]> _requirementChecks;

    // The fields of each record-level rule of each record type, as field slots.
    private readonly Dictionary<string, RuleCheck[]> _ruleChecks;

    // Whether each field slot applies to each record type: answered once per validator, not
    // by comparing the record type with each field's list of types for every cell of every row.
    private readonly Dictionary<string, bool[]> _appliesBySlot;

    // Each field's slot: a row's cells and typed values are arrays indexed by slot, not hash
    // tables filled per row.
    private readonly FieldSlots _slots;
    private readonly FieldTyper[] _typers;
    private readonly bool[] _isDateSlot;
    private readonly ConsistencySlots _consistency;
    private readonly int _studyIdSlot;
    private readonly int _recordTypeSlot;

    private StudyIdMatch? _lastStudyIdMatch;

    private ColumnFields? _lastColumns;

    // A row's trimmed cells and the lookups over them are needed only while it is validated:
    // one set is kept for the next row instead of a new map (two arrays of the dictionary's
    // size), closure and two delegates per row. Taken and given back whole, so a validator
    // shared between threads never hands one to two rows.
    private RowScratch? _spareScratch;

    /// <summary>Creates a validator for one batch.</summary>
    public RecordValidator(BatchValidationContext context, Deidentification.DeidentificationGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _dictionary = context.Dictionary;
        _gate = gate;
        _slots = FieldSlots.Of(_dictionary);
        _typers = [.. Enumerable.Range(0, _slots.Count).Select(_slots.Typer)];
        _isDateSlot = [.. Enumerable.Range(0, _slots.Count).Select(slot => _slots.Field(slot).Type == FieldType.Date)];
        _consistency = new ConsistencySlots(SlotOf);
        _studyIdSlot = _slots.TryGetSlot(DataDictionary.StudyIdField, out var studyIdSlot) ? studyIdSlot : -1;
        _recordTypeSlot = _slots.TryGetSlot(DataDictionary.RecordTypeField, out var recordTypeSlot) ? recordTypeSlot : -1;
        _allOrNoneGroups = _dictionary.RecordTypes.ToDictionary(t => t.Code, t => AllOrNoneGroups(_dictionary, t.Code), StringComparer.Ordinal);
        _requirementChecks = _dictionary.RecordTypes.ToDictionary(t => t.Code, t => RequirementChecksOf(t.Code), StringComparer.Ordinal);
        _ruleChecks = _dictionary.RecordTypes.ToDictionary(
            t => t.Code, t => _dictionary.RulesOf(t.Code).Select(r => new RuleCheck(r, [.. r.Fields.Select(SlotOf)])).ToArray(), StringComparer.Ordinal);
        _appliesBySlot = _dictionary.RecordTypes.ToDictionary(
            t => t.Code, t => Enumerable.Range(0, _slots.Count).Select(slot => _slots.Field(slot).AppliesTo(t.Code)).ToArray(), StringComparer.Ordinal);
        _conditionalMaximumFields = _dictionary.RecordTypes.ToDictionary(
            t => t.Code,
            t => _dictionary.FieldsOf(t.Code).Where(f => f.MaxWhen.Count > 0).Select(f => new ConditionalMaximumCheck(f, SlotOf(f.Code), LowestMaximum(f), [.. f.MaxWhen.Select(m => SlotOf(m.Condition.Field))])).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Validates a raw record.</summary>
    public RecordValidation Validate(RawRecord raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var problems = new List<ValidationProblem>();
        var row = raw.Row;

        if (raw.Defects.Count > 0)
        {
            // The cells of a structurally broken row cannot be trusted to be in the right
            // columns, so only the structural defects are reported for it.
            AddDefects(problems, raw);
            AddGateProblems(problems, raw, typed: null);
            return new RecordValidation(null, problems);
        }

        // The trimmed, non-empty cells of known columns by field slot (a CSV header's columns
        // are looked up once per file), in column order.
        var scratch = Interlocked.Exchange(ref _spareScratch, null) ?? new RowScratch(_slots);
        try
        {
            return ReadCells(raw, problems, scratch)
                ? ValidateCells(raw, problems, scratch)
                : RefuseControlCharacters(raw, problems);
        }
        finally
        {
            scratch.Clear();
            _spareScratch = scratch;
        }
    }

    /// <summary>
    /// One pass over a row's cells: each is checked for invisible control and formatting
    /// characters (they make the row untrustworthy: a look-alike study ID, a terminal escape,
    /// reordered text; every such cell is reported), and, while none is found, noted trimmed in
    /// <paramref name="scratch"/>. False when the row has such a character.
    /// </summary>
    private bool ReadCells(RawRecord raw, List<ValidationProblem> problems, RowScratch scratch)
    {
        var cells = scratch.Cells;
        var row = raw.Row;
        var fields = raw.Fields;
        var byPosition = FieldsByPosition(raw);
        var view = fields as ColumnValueFields;
        for (var i = 0; i < fields.Count; i++)
        {
            // A CSV row's cells are read without an interface call per cell.
            var (column, rawValue) = view is not null ? view[i] : fields[i];
            if (rawValue.Length == 0)
            {
                continue; // about half the cells of a row: nothing to check or note
            }

            if (ControlCharacters.FirstIn(rawValue) is { } control)
            {
                problems.Add(ValidationProblem.Error(row, _gate?.SafeColumnName(column, 0) ?? column, ProblemCodes.ControlCharacter,
                    $"The value contains an invisible control or formatting character ({ControlCharacters.Describe(control)}): remove it and upload the row again."));
            }

            var value = problems.Count == 0 ? rawValue.Trim() : string.Empty;
            if (value.Length == 0)
            {
                continue;
            }

            // Every non-empty cell, known column or not, is what the gate looks at later.
            scratch.AddNonEmpty(i, value);
            if (SlotAt(byPosition, i, column) is var slot and >= 0)
            {
                cells.Set(slot, value);
            }
        }

        return problems.Count == 0;
    }

    /// <summary>A row with invisible control characters: refused with them and the gate's findings over every cell.</summary>
    private RecordValidation RefuseControlCharacters(RawRecord raw, List<ValidationProblem> problems)
    {
        AddGateProblems(problems, raw, typed: null);
        return new RecordValidation(null, problems);
    }

    /// <summary>The rest of <see cref="Validate"/> for a row without structural defects or control characters, its cells read into <paramref name="scratch"/>.</summary>
    private RecordValidation ValidateCells(RawRecord raw, List<ValidationProblem> problems, RowScratch scratch)
    {
        var cells = scratch.Cells;
        var row = raw.Row;
        var studyId = _studyIdSlot >= 0 ? cells[_studyIdSlot] : null;
        var problemsBefore = problems.Count;
        if (studyId is not null && _gate is not null)
        {
            AddFindings(problems, _gate.InspectStudyId(row, studyId));
        }

        var matchesPattern = studyId is not null && MatchesStudyIdPattern(studyId);
        var safeStudyId = problems.Count == problemsBefore && matchesPattern ? studyId : null;

        if ((_recordTypeSlot >= 0 ? cells[_recordTypeSlot] : null) is not { } recordTypeText)
        {
            problems.Add(ValidationProblem.Error(row, DataDictionary.RecordTypeField, ProblemCodes.InvalidRecordType,
                "record_type is empty: it must be enrollment, followup or withdrawal.") with { StudyId = safeStudyId });
            AddGateProblems(problems, raw, typed: null);
            return new RecordValidation(null, problems);
        }

        if (!_slots.Field(_recordTypeSlot).CodeList!.TryFind(recordTypeText, out var recordTypeEntry)
            || !RecordKinds.TryParse(recordTypeEntry.Code, out var kind))
        {
            problems.Add(ValidationProblem.Error(row, DataDictionary.RecordTypeField, ProblemCodes.InvalidRecordType,
                "record_type must be enrollment, followup or withdrawal.") with { StudyId = safeStudyId });
            AddGateProblems(problems, raw, typed: null);
            return new RecordValidation(null, problems);
        }

        var recordType = recordTypeEntry.Code;
        var applies = _appliesBySlot.GetValueOrDefault(recordType);
        var values = new FieldSlotMap<object>(_slots, cells.Count);
        for (var n = 0; n < cells.Count; n++)
        {
            var slot = cells.SlotAt(n);
            var typer = _typers[slot];
            var field = typer.Field;
            var code = field.Code;
            var text = cells[slot]!;
            if (!(applies?[slot] ?? field.AppliesTo(recordType)))
            {
                problems.Add(ValidationProblem.Error(row, code, ProblemCodes.NotApplicable,
                    $"{field.Label} is not part of a {recordType} record; leave it empty on {recordType} rows."));
                continue;
            }

            var parsed = typer.Parse(text);
            if (parsed.IsSuccess)
            {
                values.Set(slot, parsed.Value);
            }
            else
            {
                problems.Add(ValidationProblem.Error(row, code, parsed.Error.Code, parsed.Error.Message));
            }
        }

        CheckRequirements(row, recordType, cells, values, scratch.HasValue, problems);
        CheckConditionalMaxima(row, recordType, values, problems);
        CheckRules(row, recordType, cells, scratch.HasValue, problems);
        CheckStudyId(row, studyId, matchesPattern, problems);
        CheckDates(row, values, problems);
        CheckRowConsistency(row, kind, values, problems);
        AddGateProblems(problems, raw, scratch, values);

        if (problems.Count == 0)
        {
            return new RecordValidation(new RegistryRecord(kind, studyId!, row, values), []);
        }

        var hasError = false;
        for (var i = 0; i < problems.Count; i++)
        {
            problems[i] = problems[i] with { StudyId = safeStudyId };
            hasError |= problems[i].Severity == Severity.Error;
        }

        return new RecordValidation(hasError ? null : new RegistryRecord(kind, studyId!, row, values), problems);
    }

    /// <summary>
    /// The structural defects of a row as problems. (A lambda over the row written in
    /// <see cref="Validate"/> would allocate its closure on entry for every row, clean ones
    /// included.)
    /// </summary>
    private void AddDefects(List<ValidationProblem> problems, RawRecord raw)
    {
        foreach (var d in raw.Defects)
        {
            problems.Add(ValidationProblem.Error(raw.Row, d.Column is null ? null : _gate?.SafeColumnName(d.Column, 0) ?? d.Column, d.Code, d.Message));
        }
    }

    /// <summary>The de-identification gate's findings for a row that is not read as a record (every non-empty cell is scanned).</summary>
    internal IEnumerable<ValidationProblem> ScanForIdentifiers(RawRecord raw)
    {
        var problems = new List<ValidationProblem>();
        AddGateProblems(problems, raw, typed: null);
        return problems;
    }

    /// <summary>
    /// The de-identification gate's findings for a row: every cell that is free text, in an
    /// unknown column, or not read as its field's closed type (<paramref name="typed"/> holds
    /// the cells that were; null means none, e.g. a row whose columns cannot be trusted),
    /// plus an exact age above 89.
    /// </summary>
    private void AddGateProblems(List<ValidationProblem> problems, RawRecord raw, FieldSlotMap<object>? typed)
    {
        if (_gate is null)
        {
            return;
        }

        var byPosition = FieldsByPosition(raw);
        for (var i = 0; i < raw.Fields.Count; i++)
        {
            var (column, rawValue) = raw.Fields[i];

            // The column is looked up once here for both checks (this runs for every cell).
            var field = FieldAt(byPosition, i, column);
            var isTyped = typed is not null && SlotAt(byPosition, i, column) is var slot and >= 0 && typed.Has(slot);
            if (isTyped && field is not { Type: FieldType.Text })
            {
                // A cell read as its field's closed type has nothing to scan and is no exact
                // age (the gate returns no finding for it): most cells of a clean row.
                continue;
            }

            var value = rawValue.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            InspectCell(_gate, problems, raw.Row, column, field, i, value, isTyped, untrusted: raw.Defects.Count > 0);
        }
    }

    /// <summary>
    /// <see cref="AddGateProblems(List{ValidationProblem}, RawRecord, FieldSlotMap{object}?)"/>
    /// for a row read as cells (no structural defects): the same cells in the same order, but
    /// only the non-empty ones the cell loop noted (<paramref name="scratch"/>), already trimmed,
    /// rather than every column of the header; an empty cell has nothing to scan and is no age.
    /// </summary>
    private void AddGateProblems(List<ValidationProblem> problems, RawRecord raw, RowScratch scratch, FieldSlotMap<object> typed)
    {
        if (_gate is null)
        {
            return;
        }

        var byPosition = FieldsByPosition(raw);
        var view = raw.Fields as ColumnValueFields;
        for (var n = 0; n < scratch.NonEmptyCount; n++)
        {
            var i = scratch.NonEmptyPosition(n);
            var column = view is not null ? view[i].Column : raw.Fields[i].Column;
            var field = FieldAt(byPosition, i, column);
            var isTyped = SlotAt(byPosition, i, column) is var slot and >= 0 && typed.Has(slot);
            if (isTyped && field is not { Type: FieldType.Text })
            {
                continue;
            }

            InspectCell(_gate, problems, raw.Row, column, field, i, scratch.NonEmptyValue(n), isTyped, untrusted: false);
        }
    }

    /// <summary>
    /// The gate's findings for one trimmed, non-empty cell at <paramref name="position"/>
    /// (0-based), plus an exact age above 89 in a cell not typed as its age field.
    /// </summary>
    private static void InspectCell(
        Deidentification.DeidentificationGate gate, List<ValidationProblem> problems, int row, string column, FieldDefinition? field, int position, string value, bool isTyped, bool untrusted)
    {
        AddFindings(problems, gate.InspectCell(row, column, field, position + 1, value, isTyped, untrusted));

        // Only whole years above the maximum are an exact age over 89: 89.5 is a type error of
        // its row (an age of 89), 90.5 still tells an exact age of 90.
        if (field is { Type: FieldType.Age, Max: { } max } && !isTyped
            && decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var years)
            && decimal.Truncate(years) > max)
        {
            problems.Add(Deidentification.DeidentificationGate.AgeOver89(row, column));
        }
    }

    /// <summary>
    /// Appends the gate's findings. Nearly every cell has none, returned as an empty array:
    /// that is recognised by its type, sparing <see cref="List{T}.AddRange"/>'s interface
    /// casts on every cell of every row.
    /// </summary>
    private static void AddFindings(List<ValidationProblem> problems, IEnumerable<ValidationProblem> findings)
    {
        if (findings is not ValidationProblem[] { Length: 0 })
        {
            problems.AddRange(findings);
        }
    }

    private void CheckRequirements(
        int row, string recordType, FieldSlotMap<string> cells, FieldSlotMap<object> values, Func<string, bool> hasValue, List<ValidationProblem> problems)
    {
        HashSet<DictionaryRule>? reportedGroups = null;
        var checks = _requirementChecks.GetValueOrDefault(recordType, []);
        for (var i = 0; i < checks.Length; i++)
        {
            var check = checks[i];
            var field = check.Field;
            if (check.WhenSlot >= 0 && cells.Has(check.WhenSlot) && !values.Has(check.WhenSlot))
            {
                // The field this one depends on has an invalid value (already reported), so
                // whether this one is required or forbidden is unknown: say nothing about it.
                continue;
            }

            var level = check.FixedLevel ?? check.Requirement.Resolve(cells, values);
            var present = check.Slot >= 0 && cells.Has(check.Slot);
            switch (level)
            {
                case RequirementLevel.Required when !present:
                    problems.Add(ValidationProblem.Error(row, field.Code, ProblemCodes.MissingRequired, RequiredMessage(field)));
                    break;
                case RequirementLevel.Recommended when !present:
                    // An instrument left out entirely gets one warning, not one per item; a
                    // partly answered one is reported by its all-or-none rule instead.
                    var group = AllOrNoneGroupOf(recordType, field.Code);
                    if (group is null)
                    {
                        problems.Add(ValidationProblem.Warning(row, field.Code, ProblemCodes.MissingRecommended,
                            $"{field.Label} is empty; it is recommended for every {recordType} record."));
                    }
                    else if (!OrdinalLists.Any(group.Fields, hasValue) && (reportedGroups ??= []).Add(group))
                    {
                        problems.Add(ValidationProblem.Warning(row, field.Code, ProblemCodes.MissingRecommended,
                            $"None of {string.Join(", ", group.Fields)} is recorded; the instrument is recommended for every {recordType} record."));
                    }

                    break;
                case RequirementLevel.Forbidden when present:
                    problems.Add(ValidationProblem.Error(row, field.Code, ProblemCodes.ConflictingValues, ForbiddenMessage(field)));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The requirement checks of a record type: every field that can raise a requirement
    /// problem, with its slot, the slot of the field its condition names, and, for a field
    /// without any condition, the level <see cref="FieldRequirement.Resolve"/> would return
    /// on every row (the level for the type), so it is not resolved per row.
    /// </summary>
    private RequirementCheck[] RequirementChecksOf(string recordType) =>
    [
        .. _dictionary.FieldsOf(recordType)
            .Where(f => !IsAlwaysOptional(f.Requirement, recordType))
            .Select(f => new RequirementCheck(
                f,
                SlotOf(f.Code),
                f.Requirement.When is { } when ? SlotOf(when.Field) : -1,
                f.Requirement is { When: null, WhenAnyPresent.Count: 0, Unless: null } requirement
                    ? requirement.ByRecordType.TryGetValue(recordType, out var level) ? level : requirement.Level
                    : null,
                SlotRequirement.Compile(f.Requirement, recordType, SlotOf))),
    ];

    private int SlotOf(string code) => _slots.TryGetSlot(code, out var slot) ? slot : -1;

    /// <summary>
    /// What validating one row needs besides its typed values, reused row after row: its
    /// trimmed cells by slot and position, and the lookup the rules ask by code (whether a
    /// field has a cell), made once.
    /// </summary>
    private sealed class RowScratch
    {
        private int[] _nonEmptyPositions;
        private string[] _nonEmptyValues;
        private int _nonEmptyCount;

        public RowScratch(FieldSlots slots)
        {
            _nonEmptyPositions = new int[slots.Count];
            _nonEmptyValues = new string[slots.Count];
            Cells = new FieldSlotMap<string>(slots);
            HasValue = code => Cells.ContainsKey(code);
        }

        /// <summary>The row's trimmed, non-empty cells of known columns.</summary>
        public FieldSlotMap<string> Cells { get; }

        /// <summary>Whether a field has a (trimmed, non-empty) cell.</summary>
        public Func<string, bool> HasValue { get; }

        /// <summary>How many non-empty cells the row has (known columns or not).</summary>
        public int NonEmptyCount => _nonEmptyCount;

        /// <summary>Notes a non-empty (trimmed) cell and its position in the row, in column order.</summary>
        public void AddNonEmpty(int position, string value)
        {
            if (_nonEmptyCount == _nonEmptyPositions.Length)
            {
                Array.Resize(ref _nonEmptyPositions, Math.Max(8, _nonEmptyCount * 2));
                Array.Resize(ref _nonEmptyValues, _nonEmptyPositions.Length);
            }

            _nonEmptyPositions[_nonEmptyCount] = position;
            _nonEmptyValues[_nonEmptyCount++] = value;
        }

        /// <summary>The position in the row of the <paramref name="index"/>-th non-empty cell.</summary>
        public int NonEmptyPosition(int index) => _nonEmptyPositions[index];

        /// <summary>The trimmed value of the <paramref name="index"/>-th non-empty cell.</summary>
        public string NonEmptyValue(int index) => _nonEmptyValues[index];

        /// <summary>Empties it for the next row.</summary>
        public void Clear()
        {
            Cells.Clear();
            Array.Clear(_nonEmptyValues, 0, _nonEmptyCount);
            _nonEmptyCount = 0;
        }
    }

    /// <summary>
    /// The lowest maximum <see cref="FieldDefinition.EffectiveMax"/> can return for a field
    /// with conditional maxima: the least of them and of the field's own maximum, if any.
    /// </summary>
    private static decimal LowestMaximum(FieldDefinition field)
    {
        var lowest = field.Max ?? decimal.MaxValue;
        foreach (var conditional in field.MaxWhen)
        {
            lowest = Math.Min(lowest, conditional.Max);
        }

        return lowest;
    }

    /// <summary>A field with conditional maxima, its slot (-1 if the dictionary lacks it) and <see cref="LowestMaximum"/>.</summary>
    private sealed record ConditionalMaximumCheck(FieldDefinition Field, int Slot, decimal LowestMaximum, int[] ConditionSlots)
    {
        /// <summary>
        /// <see cref="FieldDefinition.EffectiveMax"/> for a row, reading each condition's field
        /// by its slot (<see cref="ConditionSlots"/>, in the order of the field's conditions).
        /// </summary>
        public decimal? EffectiveMax(FieldSlotMap<object> values)
        {
            for (var i = 0; i < ConditionSlots.Length; i++)
            {
                var slot = ConditionSlots[i];
                var value = slot >= 0 && values[slot] is { } typed ? FieldValues.ToCanonical(typed) : null;
                if (Field.MaxWhen[i].Condition.IsSatisfiedBy(value))
                {
                    return Field.MaxWhen[i].Max;
                }
            }

            return Field.Max;
        }
    }

    /// <summary>A field's requirement compiled for one record type (see <see cref="RequirementChecksOf"/>).</summary>
    private sealed record RequirementCheck(FieldDefinition Field, int Slot, int WhenSlot, RequirementLevel? FixedLevel, SlotRequirement Requirement);

    /// <summary>A record-level rule with the slots of its fields (-1 for a code the dictionary lacks).</summary>
    private sealed record RuleCheck(DictionaryRule Rule, int[] Slots);

    /// <summary>
    /// Whether a requirement resolves to optional on every row of a record type: no condition
    /// can change it (<see cref="FieldRequirement.Resolve"/> then returns the level for the
    /// type), and an optional field raises no requirement problem.
    /// </summary>
    private static bool IsAlwaysOptional(FieldRequirement requirement, string recordType) =>
        requirement.When is null && requirement.WhenAnyPresent.Count == 0 && requirement.Unless is null
        && (requirement.ByRecordType.TryGetValue(recordType, out var level) ? level : requirement.Level) == RequirementLevel.Optional;

    /// <summary>
    /// The first all-or-none rule of <paramref name="recordType"/> that names a field, or null;
    /// built once per validator (read-only afterwards) rather than searched per row.
    /// </summary>
    private DictionaryRule? AllOrNoneGroupOf(string recordType, string fieldCode) =>
        _allOrNoneGroups.TryGetValue(recordType, out var groups) ? groups.GetValueOrDefault(fieldCode) : null;

    private static Dictionary<string, DictionaryRule> AllOrNoneGroups(DataDictionary dictionary, string recordType)
    {
        var groups = new Dictionary<string, DictionaryRule>(StringComparer.Ordinal);
        foreach (var rule in dictionary.RulesOf(recordType).Where(r => r.Kind == DictionaryRuleKind.AllOrNone))
        {
            foreach (var code in rule.Fields)
            {
                groups.TryAdd(code, rule);
            }
        }

        return groups;
    }

    private static string RequiredMessage(FieldDefinition field)
    {
        var requirement = field.Requirement;
        if (requirement.When is { } when)
        {
            return $"{field.Label} is required when {when.Field} is {string.Join(" or ", when.Values)}.";
        }

        if (requirement.WhenAnyPresent.Count > 0)
        {
            return $"{field.Label} is required when any of {string.Join(", ", requirement.WhenAnyPresent)} is given.";
        }

        return requirement.Unless is { } alternative
            ? $"{field.Label} is required (or give {alternative} instead)."
            : $"{field.Label} is required.";
    }

    private static string ForbiddenMessage(FieldDefinition field) =>
        field.Requirement.When is { } when
            ? $"{field.Label} must be empty unless {when.Field} is {string.Join(" or ", when.Values)}."
            : $"{field.Label} must be empty here.";

    private void CheckConditionalMaxima(int row, string recordType, FieldSlotMap<object> values, List<ValidationProblem> problems)
    {
        foreach (var check in _conditionalMaximumFields.GetValueOrDefault(recordType, []))
        {
            var (field, fieldSlot, lowestMaximum, _) = check;

            // A value no greater than every maximum a condition can give is within range
            // whatever the conditions say: they are resolved only for a larger one.
            if (fieldSlot >= 0 && values[fieldSlot] is long number && number > lowestMaximum
                && check.EffectiveMax(values) is { } max && number > max)
            {
                problems.Add(ValidationProblem.Error(row, field.Code, ProblemCodes.OutOfRange,
                    FieldValueParser.RangeMessage(field, max) + " (the EQ-5D version given has fewer levels)"));
                if (_slots.TryGetSlot(field.Code, out var slot))
                {
                    values.Remove(slot);
                }
            }
        }
    }

    private void CheckRules(int row, string recordType, FieldSlotMap<string> cells, Func<string, bool> hasValue, List<ValidationProblem> problems)
    {
        var rules = _ruleChecks.GetValueOrDefault(recordType, []);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i].Rule;
            var present = 0;
            foreach (var slot in rules[i].Slots)
            {
                present += slot >= 0 && cells.Has(slot) ? 1 : 0;
            }

            var violated = rule.Kind switch
            {
                DictionaryRuleKind.AtLeastOneOf => present == 0,
                DictionaryRuleKind.AllOrNone => present > 0 && present < rule.Fields.Count,
                _ => false,
            };
            if (!violated)
            {
                continue;
            }

            var code = rule.Kind == DictionaryRuleKind.AllOrNone ? ProblemCodes.PartialInstrument : ProblemCodes.RuleViolated;
            var field = rule.Kind == DictionaryRuleKind.AllOrNone
                ? FirstMissing(rule.Fields, hasValue)
                : rule.Fields[0];
            problems.Add(rule.IsError
                ? ValidationProblem.Error(row, field, code, rule.Message)
                : ValidationProblem.Warning(row, field, code, rule.Message));
        }
    }

    /// <summary>
    /// The first field without a value (one exists: the rule is violated). A lambda over
    /// <c>hasValue</c> written in <see cref="CheckRules"/> would allocate its closure on entry,
    /// for every row.
    /// </summary>
    private static string FirstMissing(IReadOnlyList<string> fields, Func<string, bool> hasValue)
    {
        foreach (var field in fields)
        {
            if (!hasValue(field))
            {
                return field;
            }
        }

        throw new InvalidOperationException("An all-or-none rule reported as violated has every field present.");
    }

    /// <summary>
    /// Whether a study ID matches the site's pattern. A patient's rows follow one another, so
    /// the last ID's answer is kept: the pattern runs once per patient rather than per row.
    /// </summary>
    private bool MatchesStudyIdPattern(string studyId)
    {
        if (_context.StudyIdPattern is not { } pattern)
        {
            return false;
        }

        // Replaced whole (one reference), so a validator shared between threads never pairs an
        // ID with another ID's answer.
        var last = _lastStudyIdMatch;
        if (last is not null && string.Equals(last.StudyId, studyId, StringComparison.Ordinal))
        {
            return last.Matches;
        }

        var matches = pattern.IsMatch(studyId);
        _lastStudyIdMatch = new StudyIdMatch(studyId, matches);
        return matches;
    }

    private sealed record StudyIdMatch(string StudyId, bool Matches);


    /// <summary>
    /// The dictionary field of each column of a CSV row's header (null for an unknown column),
    /// looked up once per file rather than per cell; null for rows of other readers, whose
    /// cells are looked up one by one (<see cref="FieldAt"/>).
    /// </summary>
    private ColumnFields? FieldsByPosition(RawRecord raw)
    {
        if (raw.Fields is not ColumnValueFields view)
        {
            return null;
        }

        // Replaced whole (one reference), so a validator shared between threads never pairs a
        // header with another header's fields.
        var last = _lastColumns;
        if (last is null || !ReferenceEquals(last.Columns, view.Columns))
        {
            var fields = new FieldDefinition?[view.Columns.Count];
            var slots = new int[view.Columns.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = _dictionary.TryGetField(view.Columns[i], out var field) ? field : null;
                slots[i] = fields[i] is not null && _slots.TryGetSlot(view.Columns[i], out var slot) ? slot : -1;
            }

            last = new ColumnFields(view.Columns, fields, slots);
            _lastColumns = last;
        }

        return last;
    }

    private FieldDefinition? FieldAt(ColumnFields? byPosition, int position, string column) =>
        byPosition is not null ? byPosition.Fields[position]
        : _dictionary.TryGetField(column, out var field) ? field
        : null;

    /// <summary>The field slot of a row's cell, or -1 for an unknown column.</summary>
    private int SlotAt(ColumnFields? byPosition, int position, string column) =>
        byPosition is not null ? byPosition.Slots[position]
        : _dictionary.TryGetField(column, out _) && _slots.TryGetSlot(column, out var slot) ? slot
        : -1;

    private sealed record ColumnFields(IReadOnlyList<string> Columns, FieldDefinition?[] Fields, int[] Slots);

    private void CheckStudyId(int row, string? studyId, bool matchesPattern, List<ValidationProblem> problems)
    {
        if (studyId is not null && _context.StudyIdPattern is not null && !matchesPattern)
        {
            problems.Add(ValidationProblem.Error(row, DataDictionary.StudyIdField, ProblemCodes.StudyIdPattern,
                $"The study ID does not match site {_context.SiteCode}'s pattern; use the site's pseudonymous study IDs, never hospital numbers."));
        }
    }

    private void CheckDates(int row, FieldSlotMap<object> values, List<ValidationProblem> problems)
    {
        // Only a date field's cell is typed as a DateOnly: the others are not looked at (nor
        // their codes), in the order the values were set, as an enumeration of them would.
        for (var n = 0; n < values.Count; n++)
        {
            var slot = values.SlotAt(n);
            if (!_isDateSlot[slot])
            {
                continue;
            }

            var code = _slots.Code(slot);
            var value = values[slot];
            if (value is DateOnly date && date > _context.ReceivedOn)
            {
                problems.Add(ValidationProblem.Error(row, code, ProblemCodes.DateInFuture,
                    $"{_dictionary.Field(code).Label} lies after the day the batch was received."));
            }
            else if (value is DateOnly early && early < _context.EarliestPlausibleDate)
            {
                // The bound, not the value, is shown: the value may be a date of birth sent by mistake.
                problems.Add(ValidationProblem.Error(row, code, ProblemCodes.ImplausibleDate,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{_dictionary.Field(code).Label} lies before {_context.EarliestPlausibleDate:yyyy-MM-dd}, the registry's earliest plausible date (a placeholder for an empty spreadsheet cell?).")));
            }
        }
    }

    private void CheckRowConsistency(int row, RecordKind kind, FieldSlotMap<object> values, List<ValidationProblem> problems)
    {
        // The fields are read by slot, found once per validator (not by code, row after row).
        var at = _consistency;
        if (kind == RecordKind.Enrollment
            && TryGet(values, at.LesionLevels, out var levels) && levels is string[] levelList
            && TryGet(values, at.IndexLevel, out var index) && index is string indexLevel
            && !levelList.Contains(indexLevel, StringComparer.Ordinal))
        {
            problems.Add(ValidationProblem.Error(row, "lesion_levels", ProblemCodes.ConflictingValues,
                "The involved levels do not include the index level."));
        }

        if (kind != RecordKind.FollowUp)
        {
            return;
        }

        var deceased = TryGet(values, at.VitalStatus, out var status) && status is "deceased";
        if (TryGet(values, at.SavesGrade, out var saves) && saves is "IV" && !deceased)
        {
            problems.Add(ValidationProblem.Error(row, "saves_grade", ProblemCodes.ConflictingValues,
                "SAVES grade IV means the complication caused death, but vital_status is not deceased."));
        }

        if (TryGet(values, at.DeathDate, out var death) && death is DateOnly deathDate
            && TryGet(values, at.VisitDate, out var visit) && visit is DateOnly visitDate && deathDate > visitDate)
        {
            problems.Add(ValidationProblem.Error(row, "death_date", ProblemCodes.ConflictingValues,
                "The date of death lies after the date of the visit that reports it."));
        }

        if (TryGet(values, at.DeathDay, out var deathDayValue) && deathDayValue is long deathDay
            && TryGet(values, at.VisitDay, out var visitDayValue) && visitDayValue is long visitDay && deathDay > visitDay)
        {
            problems.Add(ValidationProblem.Error(row, "death_day", ProblemCodes.ConflictingValues,
                "The day of death lies after the day of the visit that reports it."));
        }

        if (deceased && HasAny(values, at.ProOutcomes))
        {
            problems.Add(ValidationProblem.Warning(row, "vital_status", ProblemCodes.ConflictingValues,
                "The patient is recorded as deceased but the row also carries patient-reported outcomes; check they were collected before death."));
        }
    }

    private static bool TryGet(FieldSlotMap<object> values, int slot, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? value)
    {
        value = slot >= 0 ? values[slot] : null;
        return value is not null;
    }

    private static bool HasAny(FieldSlotMap<object> values, int[] slots)
    {
        foreach (var slot in slots)
        {
            if (slot >= 0 && values.Has(slot))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The slots of the fields the single-row consistency rules read (-1 for a field the dictionary lacks).</summary>
    private sealed class ConsistencySlots(Func<string, int> slotOf)
    {
        public int LesionLevels { get; } = slotOf("lesion_levels");

        public int IndexLevel { get; } = slotOf("index_level");

        public int VitalStatus { get; } = slotOf("vital_status");

        public int SavesGrade { get; } = slotOf("saves_grade");

        public int DeathDate { get; } = slotOf("death_date");

        public int VisitDate { get; } = slotOf("visit_date");

        public int DeathDay { get; } = slotOf("death_day");

        public int VisitDay { get; } = slotOf("visit_day");

        public int[] ProOutcomes { get; } = [.. ProFields.Select(slotOf)];
    }
}
