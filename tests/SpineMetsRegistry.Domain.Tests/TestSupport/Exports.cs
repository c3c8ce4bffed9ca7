using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Dictionary.Export;

namespace SpineMetsRegistry.Domain.Tests.TestSupport;

public static class Exports
{
    public static string Of(DictionaryExportFormat format, DataDictionary? dictionary = null)
    {
        using var writer = new StringWriter();
        DictionaryExporter.Export(dictionary ?? DataDictionary.Default, format, writer);
        return writer.ToString();
    }
}
