using BackSiteGen.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
