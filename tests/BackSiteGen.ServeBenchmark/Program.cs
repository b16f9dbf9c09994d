using BackSiteGen.ServeBenchmark;

return await SaveToPageBenchmark.RunAsync(args);
