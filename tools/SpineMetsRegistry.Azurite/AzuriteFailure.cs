namespace SpineMetsRegistry.Azurite;

/// <summary>Why obtaining or starting Azurite failed. The names are stable codes.</summary>
public enum AzuriteFailure
{
    /// <summary>The node executable could not be started.</summary>
    NodeNotFound,

    /// <summary>The npm executable could not be started.</summary>
    NpmNotFound,

    /// <summary>npm ran and exited with an error.</summary>
    NpmFailed,

    /// <summary>npm did not finish within the install timeout and was killed.</summary>
    NpmTimedOut,

    /// <summary>The folder has no package.json and package-lock.json to install from.</summary>
    PackageJsonMissing,

    /// <summary>npm reported success but the expected package is not where it should be.</summary>
    InstallIncomplete,

    /// <summary>Another process held the install lock for longer than the lock timeout.</summary>
    InstallLockTimedOut,

    /// <summary>A port the caller asked for is already in use.</summary>
    PortUnavailable,

    /// <summary>Azurite exited before it was ready.</summary>
    StartFailed,

    /// <summary>Azurite did not accept connections within the startup timeout and was killed.</summary>
    StartTimedOut,
}
