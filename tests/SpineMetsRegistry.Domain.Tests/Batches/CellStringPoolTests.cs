using SpineMetsRegistry.Domain.Batches;

namespace SpineMetsRegistry.Domain.Tests.Batches;

/// <summary>The reader's pool of short cell strings gives back text equal to what was read, reusing strings only for equal text.</summary>
public sealed class CellStringPoolTests
{
    [Fact]
    public void Get_GeneratedTexts_AlwaysEqualToTheTextRead()
    {
        var pool = new CellStringPool();
        var random = new Random(15);
        const string alphabet = "0123456789-.;abcXYZ é\"";
        for (var i = 0; i < 20_000; i++)
        {
            // Short texts from a small alphabet collide in the pool often; some are longer than what is kept.
            var length = random.Next(0, CellStringPool.MaxPooledLength + 6);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = alphabet[random.Next(random.Next(2) == 0 ? 3 : alphabet.Length)];
            }

            var text = new string(chars);
            Assert.Equal(text, pool.Get(text));
        }
    }

    [Fact]
    public void Get_SameShortTextAgain_SameString()
    {
        var pool = new CellStringPool();
        var first = pool.Get("S01-0000123".AsSpan());

        Assert.Same(first, pool.Get("S01-0000123".ToCharArray()));
        Assert.Same(string.Empty, pool.Get([]));
    }

    [Fact]
    public void Get_TextLongerThanKept_NewStringEachTime()
    {
        var pool = new CellStringPool();
        var text = new string('x', CellStringPool.MaxPooledLength + 1);

        Assert.NotSame(pool.Get(text), pool.Get(text));
        Assert.Equal(text, pool.Get(text));
    }
}
