using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SpineMetsRegistry.Infra.Tests.Arm;

/// <summary>
/// Evaluates the few ARM template expressions a Bicep snapshot leaves unresolved (those that
/// depend on environment() or on runtime reference() values): string literals, format, concat,
/// createObject, createArray, toLower, environment and reference, with property access.
/// Anything else throws, so an assertion never silently compares an unevaluated expression.
/// </summary>
public static class ArmExpressionEvaluator
{
    /// <summary>Evaluates a JSON value from a snapshot: literals as they are, "[...]" strings as expressions.</summary>
    public static object? Evaluate(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array.Select(Evaluate).ToList(),
        JsonObject obj => obj.ToDictionary(pair => pair.Key, pair => Evaluate(pair.Value), StringComparer.OrdinalIgnoreCase),
        JsonValue value when value.TryGetValue(out string? text) => EvaluateString(text),
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out long number) => number,
        _ => throw new ArmExpressionException($"Unsupported JSON value {node.ToJsonString()}."),
    };

    /// <summary>Evaluates a string that may be an ARM expression ("[...]"; "[[" escapes a literal bracket).</summary>
    public static object? EvaluateString(string text)
    {
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return text;
        }

        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text[1..];
        }

        var parser = new Parser(text[1..^1]);
        var result = parser.ParseExpression();
        parser.ExpectEnd();
        return result;
    }

    /// <summary>Renders a value the way format() and string interpolation do.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        RuntimeReference reference => reference.ToString(),
        _ => throw new ArmExpressionException($"Cannot render {value.GetType().Name} as text."),
    };

    private sealed class Parser(string source)
    {
        private int position;

        public object? ParseExpression()
        {
            var value = ParsePrimary();
            while (true)
            {
                SkipWhitespace();
                if (TryConsume('.'))
                {
                    value = Member(value, ReadIdentifier());
                }
                else if (TryConsume('['))
                {
                    var key = ParseExpression();
                    Expect(']');
                    value = Index(value, key);
                }
                else
                {
                    return value;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipWhitespace();
            if (position != source.Length)
            {
                throw new ArmExpressionException($"Unexpected '{source[position..]}' in expression '{source}'.");
            }
        }

        private object? ParsePrimary()
        {
            SkipWhitespace();
            if (position >= source.Length)
            {
                throw new ArmExpressionException($"Expression '{source}' ends too early.");
            }

            var current = source[position];
            if (current == '\'')
            {
                return ReadString();
            }

            if (char.IsDigit(current) || current == '-')
            {
                return ReadNumber();
            }

            var name = ReadIdentifier();
            if (name is "true" or "false")
            {
                return name == "true";
            }

            if (name == "null")
            {
                return null;
            }

            Expect('(');
            var arguments = new List<object?>();
            SkipWhitespace();
            if (!TryConsume(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipWhitespace();
                }
                while (TryConsume(','));
                Expect(')');
            }

            return Call(name, arguments);
        }

        private static object? Call(string name, List<object?> arguments) => name.ToUpperInvariant() switch
        {
            "FORMAT" => Format(arguments),
            "CONCAT" => string.Concat(arguments.Select(ToText)),
            "TOLOWER" => ToText(arguments.Single()).ToLowerInvariant(),
            "ENVIRONMENT" => ArmCloud.Environment(),
            "REFERENCE" => new RuntimeReference(ToText(arguments[0]), []),
            "CREATEARRAY" => arguments,
            "CREATEOBJECT" => CreateObject(arguments),
            _ => throw new ArmExpressionException($"Function '{name}' is not supported by the test evaluator."),
        };

        private static string Format(List<object?> arguments)
        {
            var template = ToText(arguments[0]);
            var values = arguments.Skip(1).Select(ToText).ToArray<object>();
            return string.Format(CultureInfo.InvariantCulture, template, values);
        }

        private static Dictionary<string, object?> CreateObject(List<object?> arguments)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < arguments.Count; i += 2)
            {
                result[ToText(arguments[i])] = arguments[i + 1];
            }

            return result;
        }

        private static object? Member(object? value, string name) => value switch
        {
            RuntimeReference reference => reference.Member(name),
            Dictionary<string, object?> obj when obj.TryGetValue(name, out var member) => member,
            _ => throw new ArmExpressionException($"Cannot read property '{name}' of {value ?? "null"}."),
        };

        private static object? Index(object? value, object? key) => (value, key) switch
        {
            (RuntimeReference reference, string name) => reference.Member(name),
            (Dictionary<string, object?> obj, string name) when obj.TryGetValue(name, out var member) => member,
            (List<object?> list, long i) => list[checked((int)i)],
            _ => throw new ArmExpressionException($"Cannot index {value ?? "null"} with {key ?? "null"}."),
        };

        private string ReadString()
        {
            Expect('\'');
            var text = new StringBuilder();
            while (true)
            {
                if (position >= source.Length)
                {
                    throw new ArmExpressionException($"Unterminated string in '{source}'.");
                }

                var current = source[position++];
                if (current != '\'')
                {
                    text.Append(current);
                }
                else if (position < source.Length && source[position] == '\'')
                {
                    text.Append('\'');
                    position++;
                }
                else
                {
                    return text.ToString();
                }
            }
        }

        private long ReadNumber()
        {
            var start = position;
            position++;
            while (position < source.Length && char.IsDigit(source[position]))
            {
                position++;
            }

            return long.Parse(source[start..position], CultureInfo.InvariantCulture);
        }

        private string ReadIdentifier()
        {
            SkipWhitespace();
            var start = position;
            while (position < source.Length && (char.IsLetterOrDigit(source[position]) || source[position] is '_' or '$'))
            {
                position++;
            }

            if (start == position)
            {
                throw new ArmExpressionException($"Expected a name at {start} in '{source}'.");
            }

            return source[start..position];
        }

        private void Expect(char expected)
        {
            SkipWhitespace();
            if (!TryConsume(expected))
            {
                throw new ArmExpressionException($"Expected '{expected}' at {position} in '{source}'.");
            }
        }

        private bool TryConsume(char expected)
        {
            if (position < source.Length && source[position] == expected)
            {
                position++;
                return true;
            }

            return false;
        }

        private void SkipWhitespace()
        {
            while (position < source.Length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }
        }
    }
}
