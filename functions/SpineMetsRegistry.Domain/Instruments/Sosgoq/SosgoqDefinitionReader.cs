using System.Globalization;
using System.Text.Json;

namespace SpineMetsRegistry.Domain.Instruments.Sosgoq;

/// <summary>
/// Loads a SOSGOQ scoring definition from JSON, so the registry default can be replaced by the
/// official scoring sheet without code changes. The document:
/// <code>
/// {
///   "instrument": "SOSGOQ", "instrumentVersion": "2.0", "definitionVersion": "registry-default-1",
///   "status": "registry-default", "notice": "...", "sources": ["..."],
///   "responseLevels": { "lowest": 1, "highest": 5, "best": 1 },
///   "itemScoring": "linear0to100", "scaleScoring": "meanOfAnsweredItems", "decimals": 2,
///   "scales": [ { "code": "pain", "name": "Pain", "kind": "domain", "minimumAnswered": 2 }, ... ],
///   "total": { "minimumAnswered": 15 },
///   "items": [ { "code": "sosgoq_01", "scale": "physical_function", "reversed": false }, ... ]
/// }
/// </code>
/// <c>kind</c> is <c>domain</c> or <c>singleItem</c> (exactly one item); <c>best</c> is the
/// lowest or highest level and applies to items that are not <c>reversed</c>. Only the
/// scoring rules named above exist; any other value is an error, as is any unknown property.
/// </summary>
public static class SosgoqDefinitionReader
{
    /// <summary>The item-scoring rule this version of the registry implements.</summary>
    public const string LinearItemScoring = "linear0to100";

    /// <summary>The scale-scoring rule this version of the registry implements.</summary>
    public const string MeanOfAnsweredItems = "meanOfAnsweredItems";

    /// <summary>Reads a definition from a stream of UTF-8 JSON.</summary>
    /// <param name="stream">The JSON document.</param>
    /// <returns>The definition, or every problem found with its JSON path.</returns>
    public static LoadResult<SosgoqDefinition> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parseErrors = new List<LoadError>();
        using var document = JsonDefinitionReader.Parse(stream, parseErrors);
        return document is null ? LoadResult.Failure<SosgoqDefinition>(parseErrors) : Read(document.RootElement);
    }

    private static LoadResult<SosgoqDefinition> Read(JsonElement root)
    {
        var json = new JsonDefinitionReader();
        if (!json.ExpectObject(root, "$", "instrument", "instrumentVersion", "definitionVersion", "status", "notice", "sources",
                "responseLevels", "itemScoring", "scaleScoring", "decimals", "scales", "total", "items"))
        {
            return LoadResult.Failure<SosgoqDefinition>(json.Errors);
        }

        if (json.String(root, "instrument", "$") is { } instrument && instrument != "SOSGOQ")
        {
            json.Error("$.instrument", $"'{instrument}' is not SOSGOQ.");
        }

        var instrumentVersion = json.String(root, "instrumentVersion", "$");
        var definitionVersion = json.String(root, "definitionVersion", "$");
        var status = json.String(root, "status", "$");
        var notice = json.String(root, "notice", "$");
        var sources = json.Array(root, "sources", "$", required: false)
            .Select((s, i) => s.ValueKind == JsonValueKind.String ? s.GetString()! : Invalid(json, JsonDefinitionReader.Index("$.sources", i), "Expected a string."))
            .ToList();
        ExpectRule(json, root, "itemScoring", LinearItemScoring);
        ExpectRule(json, root, "scaleScoring", MeanOfAnsweredItems);
        var decimals = json.Integer(root, "decimals", "$");
        if (decimals is < 0 or > 6)
        {
            json.Error("$.decimals", "Expected 0-6 decimal places.");
        }

        var (lowest, highest, best) = ReadLevels(json, root);
        var items = ReadItems(json, root);
        var scales = ReadScales(json, root, items);
        int? totalMinimum = null;
        if (json.Property(root, "total", "$") is { } total && json.ExpectObject(total, "$.total", "minimumAnswered"))
        {
            totalMinimum = json.Integer(total, "minimumAnswered", "$.total");
            if (totalMinimum is { } m && (m < 1 || m > items.Count))
            {
                json.Error("$.total.minimumAnswered", string.Create(CultureInfo.InvariantCulture, $"Must be between 1 and the number of items ({items.Count})."));
            }
        }

        if (json.HasErrors || instrumentVersion is null || definitionVersion is null || status is null || notice is null ||
            decimals is null || lowest is null || highest is null || best is null || totalMinimum is null)
        {
            return LoadResult.Failure<SosgoqDefinition>(json.Errors);
        }

        return LoadResult.Success(new SosgoqDefinition(
            instrumentVersion, definitionVersion, status, notice, sources, lowest.Value, highest.Value, best.Value,
            decimals.Value, totalMinimum.Value, scales, items));
    }

    private static (int? Lowest, int? Highest, int? Best) ReadLevels(JsonDefinitionReader json, JsonElement root)
    {
        if (json.Property(root, "responseLevels", "$") is not { } levels || !json.ExpectObject(levels, "$.responseLevels", "lowest", "highest", "best"))
        {
            return (null, null, null);
        }

        var lowest = json.Integer(levels, "lowest", "$.responseLevels");
        var highest = json.Integer(levels, "highest", "$.responseLevels");
        var best = json.Integer(levels, "best", "$.responseLevels");
        if (lowest is { } l && highest is { } h && l >= h)
        {
            json.Error("$.responseLevels", "lowest must be below highest.");
        }

        if (best is { } b && b != lowest && b != highest)
        {
            json.Error("$.responseLevels.best", "best must be the lowest or the highest level.");
        }

        return (lowest, highest, best);
    }

    private static List<SosgoqItem> ReadItems(JsonDefinitionReader json, JsonElement root)
    {
        var items = new List<SosgoqItem>();
        var elements = json.Array(root, "items", "$");
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonDefinitionReader.Index("$.items", i);
            if (!json.ExpectObject(elements[i], path, "code", "scale", "reversed"))
            {
                continue;
            }

            var code = json.String(elements[i], "code", path);
            var scale = json.String(elements[i], "scale", path);
            var reversed = json.Boolean(elements[i], "reversed", path, defaultValue: false);
            if (code is not null && items.Any(item => item.Code == code))
            {
                json.Error($"{path}.code", $"Item '{code}' is defined twice.");
            }
            else if (code is not null && scale is not null && reversed is not null)
            {
                items.Add(new SosgoqItem(code, scale, reversed.Value));
            }
        }

        if (elements.Count == 0)
        {
            json.Error("$.items", "A definition needs at least one item.");
        }

        return items;
    }

    private static List<SosgoqScale> ReadScales(JsonDefinitionReader json, JsonElement root, List<SosgoqItem> items)
    {
        var scales = new List<SosgoqScale>();
        var elements = json.Array(root, "scales", "$");
        for (var i = 0; i < elements.Count; i++)
        {
            var path = JsonDefinitionReader.Index("$.scales", i);
            if (!json.ExpectObject(elements[i], path, "code", "name", "kind", "minimumAnswered"))
            {
                continue;
            }

            var code = json.String(elements[i], "code", path);
            var name = json.String(elements[i], "name", path);
            var minimum = json.Integer(elements[i], "minimumAnswered", path);
            SosgoqScaleKind? kind = json.String(elements[i], "kind", path) switch
            {
                null => null,
                "domain" => SosgoqScaleKind.Domain,
                "singleItem" => SosgoqScaleKind.SingleItem,
                var other => InvalidKind(json, $"{path}.kind", $"'{other}' is not a scale kind; expected domain or singleItem."),
            };
            if (code is null || name is null || minimum is null || kind is null)
            {
                continue;
            }

            if (scales.Any(s => s.Code == code))
            {
                json.Error($"{path}.code", $"Scale '{code}' is defined twice.");
                continue;
            }

            var itemCodes = items.Where(item => item.ScaleCode == code).Select(item => item.Code).ToList();
            if (itemCodes.Count == 0)
            {
                json.Error(path, $"Scale '{code}' has no items.");
            }
            else if (kind == SosgoqScaleKind.SingleItem && itemCodes.Count != 1)
            {
                json.Error(path, string.Create(CultureInfo.InvariantCulture, $"Single-item scale '{code}' has {itemCodes.Count} items."));
            }

            if (minimum < 1 || minimum > itemCodes.Count)
            {
                json.Error($"{path}.minimumAnswered", string.Create(CultureInfo.InvariantCulture, $"Must be between 1 and the scale's item count ({itemCodes.Count})."));
            }

            scales.Add(new SosgoqScale(code, name, kind.Value, minimum.Value, itemCodes));
        }

        foreach (var orphan in items.Where(item => scales.All(s => s.Code != item.ScaleCode)))
        {
            json.Error("$.items", $"Item '{orphan.Code}' names scale '{orphan.ScaleCode}', which is not defined.");
        }

        return scales;
    }

    private static void ExpectRule(JsonDefinitionReader json, JsonElement root, string property, string supported)
    {
        if (json.String(root, property, "$") is { } rule && rule != supported)
        {
            json.Error($"$.{property}", $"'{rule}' is not a supported rule; this registry version implements '{supported}'.");
        }
    }

    private static string Invalid(JsonDefinitionReader json, string path, string message)
    {
        json.Error(path, message);
        return string.Empty;
    }

    private static SosgoqScaleKind? InvalidKind(JsonDefinitionReader json, string path, string message)
    {
        json.Error(path, message);
        return null;
    }
}
