import SPFKit

print("spfkit")
