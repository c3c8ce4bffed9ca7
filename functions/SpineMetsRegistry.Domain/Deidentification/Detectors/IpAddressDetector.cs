using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// IPv4 addresses (four dot-separated numbers 0-255, not part of a longer dotted number) and
/// IPv6 addresses (hex groups with either seven colons or a "::" and at least two groups, and
/// accepted by <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>). Times such as
/// 10:30:00 have neither seven colons nor "::", so they are not taken for IPv6.
/// </summary>
internal sealed partial class IpAddressDetector : IValueDetector
{
    /// <inheritdoc/>
    public bool AppliesTo(FieldContentKind kind) => true;

    /// <inheritdoc/>
    public void Detect(ReadOnlySpan<char> text, in TextProfile profile, FieldContentKind kind, ref HitCollector hits)
    {
        if (profile.HasDot && profile.Digits >= 4)
        {
            foreach (var match in V4().EnumerateMatches(text))
            {
                if (OctetsInRange(text.Slice(match.Index, match.Length)))
                {
                    hits.Add(match.Index, match.Length, IdentifierCategory.IpAddress, HitEvidence.Structure);
                }
            }
        }

        if (profile.HasColon)
        {
            foreach (var match in V6().EnumerateMatches(text))
            {
                if (IsIpv6(text.Slice(match.Index, match.Length)))
                {
                    hits.Add(match.Index, match.Length, IdentifierCategory.IpAddress, HitEvidence.Structure);
                }
            }
        }
    }

    private static bool OctetsInRange(ReadOnlySpan<char> candidate)
    {
        foreach (var range in candidate.Split('.'))
        {
            if (!int.TryParse(candidate[range], out var octet) || octet > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpv6(ReadOnlySpan<char> candidate)
    {
        var colons = candidate.Count(':');
        var compressed = candidate.Contains("::", StringComparison.Ordinal);
        if (colons != 7 && !compressed)
        {
            return false;
        }

        var groups = 0;
        foreach (var range in candidate.Split(':'))
        {
            groups += candidate[range].IsEmpty ? 0 : 1;
        }

        return groups >= 2
            && IPAddress.TryParse(candidate, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    [GeneratedRegex(
        @"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex V4();

    [GeneratedRegex(
        @"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: DetectorTimeouts.Milliseconds)]
    private static partial Regex V6();
}
