using System.Globalization;
using System.Text.Json;

namespace SpineMetsRegistry.Domain.Instruments.Eq5d;

/// <summary>
/// Loads an EQ-5D value set from JSON. Adding a value set to the registry is adding such a
/// file: no code changes. The document:
/// <code>
/// {
///   "name": "England", "version": "5L",
///   "source": { "citation": "...", "doi": "10.1002/hec.3564" },
///   "notes": "optional free text",
///   "decrements": { "MO": { "2": 0.058, "3": 0.076, "4": 0.207, "5": 0.274 }, "SC": {...}, "UA": {...}, "PD": {...}, "AD": {...} },
///   "terms": [ { "name": "constant", "kind": "anyDimensionAtLevels", "levels": [2, 3], "decrement": 0.081, "description": "optional" } ]
/// }
/// </code>
/// Every dimension must give a decrement for every level from 2 to the version's level count
/// (level 1 is the reference, decrement 0). <c>terms</c> is optional; each term's <c>kind</c> is
/// <c>anyDimensionAtLevels</c> (subtracted once if any dimension is at one of <c>levels</c>) or
/// <c>perDimensionAtLevels</c> (subtracted once per such dimension). Unknown properties are errors.
/// </summary>
public static class Eq5dValueSetReader
{
    /// <summary>Reads a value set from a stream of UTF-8 JSON.</summary>
    /// <param name="stream">The JSON document.</param>
    /// <returns>The value set, or every problem found with its JSON path.</returns>
    public static LoadResult<Eq5dValueSet> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parseErrors = new List<LoadError>();
        using var document = JsonDefinitionReader.Parse(stream, parseErrors);
        return document is null ? LoadResult.Failure<Eq5dValueSet>(parseErrors) : Read(document.RootElement);
    }

    private static LoadResult<Eq5dValueSet> Read(JsonElement root)
    {
        var json = new JsonDefinitionReader();
        if (!json.ExpectObject(root, "$", "name", "version", "source", "notes", "decrements", "terms"))
        {
            return LoadResult.Failure<Eq5dValueSet>(json.Errors);
        }

        var name = json.String(root, "name", "$");
        _ = json.String(root, "notes", "$", required: false);
        Eq5dVersion? version = null;
        if (json.String(root, "version", "$") is { } versionCode)
        {
            if (Eq5dCodes.Version.TryParse(versionCode, out var parsed))
            {
                version = parsed;
            }
            else
            {
                json.Error("$.version", $"'{versionCode}' is not an EQ-5D version; expected 3L or 5L.");
            }
        }

        string? citation = null;
        string? doi = null;
        if (json.Property(root, "source", "$") is { } source && json.ExpectObject(source, "$.source", "citation", "doi"))
        {
            citation = json.String(source, "citation", "$.source");
            doi = json.String(source, "doi", "$.source");
        }

        var decrements = version is { } v ? ReadDecrements(json, root, v) : null;
        var terms = version is { } tv ? ReadTerms(json, root, tv) : [];

        return json.HasErrors || name is null || version is null || citation is null || doi is null || decrements is null
            ? LoadResult.Failure<Eq5dValueSet>(json.Errors)
            : LoadResult.Success(new Eq5dValueSet(name, version.Value, citation, doi, decrements, terms));
    }

    private static Dictionary<Eq5dDimension, IReadOnlyList<decimal>>? ReadDecrements(JsonDefinitionReader json, JsonElement root, Eq5dVersion version)
    {
        var dimensionCodes = Eq5dCodes.Dimensions.Select(Eq5dCodes.Dimension.ToCode).ToArray();
        if (json.Property(root, "decrements", "$") is not { } element || !json.ExpectObject(element, "$.decrements", dimensionCodes))
        {
            return null;
        }

        var levelCount = Eq5dCodes.LevelCount(version);
        var levelKeys = Enumerable.Range(2, levelCount - 1).Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray();
        var result = new Dictionary<Eq5dDimension, IReadOnlyList<decimal>>();
        foreach (var dimension in Eq5dCodes.Dimensions)
        {
            var code = Eq5dCodes.Dimension.ToCode(dimension);
            var path = $"$.decrements.{code}";
            if (json.Property(element, code, "$.decrements") is not { } levels || !json.ExpectObject(levels, path, levelKeys))
            {
                continue;
            }

            var values = new decimal[levelCount];
            var complete = true;
            foreach (var key in levelKeys)
            {
                var level = int.Parse(key, CultureInfo.InvariantCulture);
                if (json.Property(levels, key, path) is { } value && json.Decimal(value, $"{path}.{key}") is { } decrement)
                {
                    values[level - 1] = decrement;
                }
                else
                {
                    complete = false;
                }
            }

            if (complete)
            {
                result[dimension] = values;
            }
        }

        return result.Count == dimensionCodes.Length ? result : null;
    }

    private static List<Eq5dValueSetTerm> ReadTerms(JsonDefinitionReader json, JsonElement root, Eq5dVersion version)
    {
        var levelCount = Eq5dCodes.LevelCount(version);
        var terms = new List<Eq5dValueSetTerm>();
        var elements = json.Array(root, "terms", "$", required: false);
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonDefinitionReader.Index("$.terms", i);
            if (!json.ExpectObject(elements[i], path, "name", "kind", "levels", "decrement", "description"))
            {
                continue;
            }

            var name = json.String(elements[i], "name", path);
            var description = json.String(elements[i], "description", path, required: false);
            Eq5dTermKind? kind = json.String(elements[i], "kind", path) switch
            {
                null => null,
                "anyDimensionAtLevels" => Eq5dTermKind.AnyDimensionAtLevels,
                "perDimensionAtLevels" => Eq5dTermKind.PerDimensionAtLevels,
                var other => Invalid(json, $"{path}.kind", $"'{other}' is not a term kind; expected anyDimensionAtLevels or perDimensionAtLevels."),
            };
            var levels = new List<int>();
            var levelElements = json.Array(elements[i], "levels", path);
            for (var j = 0; j < levelElements.Count; j++)
            {
                var levelPath = JsonDefinitionReader.Index($"{path}.levels", j);
                if (json.Integer(levelElements[j], levelPath) is { } level)
                {
                    if (level < 1 || level > levelCount)
                    {
                        json.Error(levelPath, string.Create(CultureInfo.InvariantCulture, $"Level {level} is outside 1-{levelCount}."));
                    }
                    else
                    {
                        levels.Add(level);
                    }
                }
            }

            if (levelElements.Count == 0)
            {
                json.Error($"{path}.levels", "A term needs at least one level.");
            }

            var decrement = json.Property(elements[i], "decrement", path) is { } d ? json.Decimal(d, $"{path}.decrement") : null;
            if (name is not null && kind is not null && decrement is not null && levels.Count == levelElements.Count && levels.Count > 0)
            {
                terms.Add(new Eq5dValueSetTerm(name, kind.Value, levels, decrement.Value, description));
            }
        }

        return terms;
    }

    private static Eq5dTermKind? Invalid(JsonDefinitionReader json, string path, string message)
    {
        json.Error(path, message);
        return null;
    }
}
