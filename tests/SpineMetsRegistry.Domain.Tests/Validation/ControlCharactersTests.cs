using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// <see cref="ControlCharacters.FirstIn"/> finds exactly the documented invisible characters,
/// wherever they sit in a cell (the printable-ASCII shortcut must not hide any).
/// </summary>
public sealed class ControlCharactersTests
{
    [Fact]
    public void FirstIn_EveryCharacterInACell_OnlyTheDocumentedOnesFound()
    {
        var found = 0;
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            char? expected = IsDocumented(c) ? c : null;
            Assert.Equal(expected, ControlCharacters.FirstIn("ab" + c));
            Assert.Equal(expected, ControlCharacters.FirstIn(c + "0123456789abcdefghijklmnopqrstuvwxyz0123456789"));
            found += expected is null ? 0 : 1;
        }

        Assert.Equal(29 + 1 + 32 + 5 + 1 + 5 + 4 + 1, found);
        Assert.Null(ControlCharacters.FirstIn(string.Empty));
        Assert.Equal('\u001B', ControlCharacters.FirstIn("x\u00E9\u001B\u200B"));
    }

    // C0 controls but tab, line feed and carriage return; DEL; C1; zero-width characters;
    // bidirectional embeddings, overrides and isolates; U+FEFF.
    private static bool IsDocumented(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u200B' and <= '\u200F'
        || c == '\u2060'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c == '\uFEFF';
}
