using BirdInfra.PulumiPlugin.Hosting;

return await PluginHost.RunAsync(args, Console.Out);
