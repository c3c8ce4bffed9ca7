namespace SpineMetsRegistry.Storage.Configuration;

/// <summary>How the sites' landing containers are laid out across storage accounts.</summary>
public enum LandingMode
{
    /// <summary>One landing account holds a container <c>site-&lt;code&gt;</c> per site (access isolation only).</summary>
    Container,

    /// <summary>Each site has its own landing account (access, network and performance isolation).</summary>
    Account,
}
