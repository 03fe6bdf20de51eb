import SPFKit

let benchArguments = CommandLine.arguments.dropFirst()
switch benchArguments.first ?? "all" {
case "aggregate", "all": AggregateBench.run(benchArguments.dropFirst())
case "aggregate-write": AggregateBench.write(benchArguments.dropFirst())
case "aggregate-run": AggregateBench.measure(benchArguments.dropFirst())
default: print("usage: spfkit-bench [all | aggregate [LINES]]")
}
