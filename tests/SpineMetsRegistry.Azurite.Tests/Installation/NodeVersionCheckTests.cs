using SpineMetsRegistry.Azurite.Installation;

namespace SpineMetsRegistry.Azurite.Tests.Installation;

public sealed class NodeVersionCheckTests
{
    [Theory]
    [InlineData("v20.20.2", 20, 20, 2)]
    [InlineData("v22.1.0\n", 22, 1, 0)]
    [InlineData("18.19.1", 18, 19, 1)]
    public void Parse_NodeVersionOutput_ReturnsTheVersion(string output, int major, int minor, int build)
    {
        Assert.Equal(new Version(major, minor, build), NodeVersionCheck.Parse(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v20")]
    [InlineData("v20.x.1")]
    [InlineData("node: command not found")]
    public void Parse_SomethingElse_ReturnsNull(string output)
    {
        Assert.Null(NodeVersionCheck.Parse(output));
    }
}
