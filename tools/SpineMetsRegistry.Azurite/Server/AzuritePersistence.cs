namespace SpineMetsRegistry.Azurite.Server;

/// <summary>Where Azurite keeps what it stores.</summary>
public enum AzuritePersistence
{
    /// <summary>In process memory only (<c>--inMemoryPersistence</c>): gone when it stops. For tests.</summary>
    InMemory,

    /// <summary>In a data folder (<c>--location</c>): survives restarts. For the local host.</summary>
    Disk,
}
