using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/BackSiteGen.Benchmarks -- --filter '*'
if (args is ["profile", var content, var theme])
{
    BackSiteGen.Benchmarks.PipelineProfile.Run(content, theme);
    return;
}

if (args is ["gc", var gcContent, var gcTheme, var gcOutput])
{
    BackSiteGen.Benchmarks.CollectorProfile.Run(gcContent, gcTheme, gcOutput);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BackSiteGen.Benchmarks.StageBenchmarks).Assembly).Run(args);
