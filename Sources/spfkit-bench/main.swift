import SPFKit

print("bench")
