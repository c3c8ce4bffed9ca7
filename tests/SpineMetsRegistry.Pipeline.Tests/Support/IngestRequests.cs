using System.Security.Cryptography;
using System.Text;
using SpineMetsRegistry.Pipeline.Ingest;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>Ingest requests for tests, with a real SHA-256 of some content.</summary>
internal static class IngestRequests
{
    public static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static IngestRequest For(string site = "S01", string fileName = "visits-2026-03.csv", string content = "study_id,record_type\n", string eTag = "\"0x8DC1\"") =>
        new(site, fileName, eTag, Sha256Of(content), Encoding.UTF8.GetByteCount(content));
}
