using SpineMetsRegistry.Cli;

return await SpineMetsCommandLine.InvokeAsync(args, Console.Out, Console.Error, Console.In);
