print("dnslint")
