using System.Text;

namespace SpineMetsRegistry.Infra.Tests.Abac;

/// <summary>
/// Parses Azure role-assignment conditions (version 2.0): parentheses, ! / NOT, AND / OR (&amp;&amp; / ||),
/// ActionMatches{'...'}, SubOperationMatches{'...'} and @Source[attribute] Operator 'value'.
/// Mixing AND and OR at one nesting level is rejected instead of guessing a precedence, so every
/// condition the templates emit must say exactly what it means with parentheses.
/// </summary>
public static class AbacConditionParser
{
    public static AbacExpression Parse(string condition)
    {
        var tokens = Tokenize(condition);
        var index = 0;
        var result = ParseSequence(tokens, ref index);
        if (index != tokens.Count)
        {
            throw new FormatException($"Unexpected '{tokens[index].Text}' after a complete condition.");
        }

        return result;
    }

    private static AbacExpression ParseSequence(List<Token> tokens, ref int index)
    {
        var operands = new List<AbacExpression> { ParseUnary(tokens, ref index) };
        TokenKind? connective = null;
        while (index < tokens.Count && tokens[index].Kind is TokenKind.And or TokenKind.Or)
        {
            var kind = tokens[index].Kind;
            if (connective is not null && connective != kind)
            {
                throw new FormatException("AND and OR are mixed at one level without parentheses.");
            }

            connective = kind;
            index++;
            operands.Add(ParseUnary(tokens, ref index));
        }

        return connective switch
        {
            null => operands[0],
            TokenKind.And => new AllOf(operands),
            _ => new AnyOf(operands),
        };
    }

    private static AbacExpression ParseUnary(List<Token> tokens, ref int index)
    {
        var token = Next(tokens, ref index);
        switch (token.Kind)
        {
            case TokenKind.Not:
                return new Negation(ParseUnary(tokens, ref index));
            case TokenKind.Open:
                var inner = ParseSequence(tokens, ref index);
                if (Next(tokens, ref index).Kind != TokenKind.Close)
                {
                    throw new FormatException("Missing ')'.");
                }

                return inner;
            case TokenKind.ActionMatches:
                return new ActionMatches(token.Text);
            case TokenKind.SubOperationMatches:
                return new SubOperationMatches(token.Text);
            case TokenKind.Attribute:
                var op = Next(tokens, ref index);
                var value = Next(tokens, ref index);
                if (op.Kind != TokenKind.Word || value.Kind != TokenKind.Literal)
                {
                    throw new FormatException($"Expected 'Operator \\'value\\'' after @{token.Text}.");
                }

                var separator = token.Text.IndexOf('[', StringComparison.Ordinal);
                return new AttributeComparison(token.Text[..separator], token.Text[(separator + 1)..^1], op.Text, value.Text);
            default:
                throw new FormatException($"Unexpected '{token.Text}'.");
        }
    }

    private static Token Next(List<Token> tokens, ref int index) =>
        index < tokens.Count ? tokens[index++] : throw new FormatException("The condition ends too early.");

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                tokens.Add(new Token(TokenKind.Open, "("));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new Token(TokenKind.Close, ")"));
                i++;
            }
            else if (c == '!')
            {
                tokens.Add(new Token(TokenKind.Not, "!"));
                i++;
            }
            else if (text.AsSpan(i).StartsWith("&&"))
            {
                tokens.Add(new Token(TokenKind.And, "&&"));
                i += 2;
            }
            else if (text.AsSpan(i).StartsWith("||"))
            {
                tokens.Add(new Token(TokenKind.Or, "||"));
                i += 2;
            }
            else if (c == '\'')
            {
                tokens.Add(new Token(TokenKind.Literal, ReadQuoted(text, ref i)));
            }
            else if (c == '@')
            {
                var end = text.IndexOf(']', i);
                if (end < 0)
                {
                    throw new FormatException("Unterminated attribute.");
                }

                tokens.Add(new Token(TokenKind.Attribute, text[(i + 1)..(end + 1)]));
                i = end + 1;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (i < text.Length && text[i] == '{')
                {
                    i++;
                    var argument = ReadQuoted(text, ref i);
                    if (i >= text.Length || text[i] != '}')
                    {
                        throw new FormatException($"Expected '}}' after {word}{{...");
                    }

                    i++;
                    tokens.Add(word switch
                    {
                        "ActionMatches" => new Token(TokenKind.ActionMatches, argument),
                        "SubOperationMatches" => new Token(TokenKind.SubOperationMatches, argument),
                        _ => throw new FormatException($"Unknown function {word}."),
                    });
                }
                else
                {
                    tokens.Add(word.ToUpperInvariant() switch
                    {
                        "AND" => new Token(TokenKind.And, word),
                        "OR" => new Token(TokenKind.Or, word),
                        "NOT" => new Token(TokenKind.Not, word),
                        _ => new Token(TokenKind.Word, word),
                    });
                }
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' at {i}.");
            }
        }

        return tokens;
    }

    private static string ReadQuoted(string text, ref int i)
    {
        if (text[i] != '\'')
        {
            throw new FormatException($"Expected a quoted value at {i}.");
        }

        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '\'')
        {
            value.Append(text[i++]);
        }

        if (i >= text.Length)
        {
            throw new FormatException("Unterminated quoted value.");
        }

        i++;
        return value.ToString();
    }

    private enum TokenKind
    {
        Open,
        Close,
        Not,
        And,
        Or,
        ActionMatches,
        SubOperationMatches,
        Attribute,
        Word,
        Literal,
    }

    private sealed record Token(TokenKind Kind, string Text);
}
