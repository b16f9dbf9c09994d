using BackSiteGen.Cli;
using BackSiteGen.Site;

// This process runs one command; a build may hold the collector off while it reads (see BuildCollector).
BuildCollector.QuietBudget = BuildCollector.DefaultQuietBudget;
return CliApp.Run(args, Console.Out, Console.Error);
