using DurableTask.Core.Serializing;
using DurableTaskJson = Microsoft.DurableTask.Converters.JsonDataConverter;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// The DTFx client's converter over the Durable Task SDK's System.Text.Json converter: inputs
/// the local host starts orchestrations with are serialised exactly as the shims (and the
/// Functions isolated worker) read them, not with DTFx's default Newtonsoft settings.
/// </summary>
internal sealed class SystemTextJsonDataConverter : DataConverter
{
    public static SystemTextJsonDataConverter Instance { get; } = new();

    public override string? Serialize(object? value) => DurableTaskJson.Default.Serialize(value);

    public override string? Serialize(object? value, bool formatted) => DurableTaskJson.Default.Serialize(value);

    public override object? Deserialize(string? data, Type objectType) => DurableTaskJson.Default.Deserialize(data, objectType);
}
