using SpineMetsRegistry.LocalHost;

return await LocalHostCommand.RunAsync(args);
